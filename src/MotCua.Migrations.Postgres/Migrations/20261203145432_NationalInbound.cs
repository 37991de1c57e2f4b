using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NationalInbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IdentityVerified",
                table: "applications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NationalCode",
                table: "applications",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "national_inbound_nonces",
                columns: table => new
                {
                    Nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_national_inbound_nonces", x => x.Nonce);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_NationalCode",
                table: "applications",
                column: "NationalCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_national_inbound_nonces_SeenAt",
                table: "national_inbound_nonces",
                column: "SeenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "national_inbound_nonces");

            migrationBuilder.DropIndex(
                name: "IX_applications_NationalCode",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "IdentityVerified",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "NationalCode",
                table: "applications");
        }
    }
}
