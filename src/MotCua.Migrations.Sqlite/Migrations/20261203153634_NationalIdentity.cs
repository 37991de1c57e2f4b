using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NationalIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NationalIdentityLinkedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdentitySubject",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IdentityVerified",
                table: "account_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NationalIdentitySubject",
                table: "AspNetUsers",
                column: "NationalIdentitySubject",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NationalIdentitySubject",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NationalIdentityLinkedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NationalIdentitySubject",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "IdentityVerified",
                table: "account_sessions");
        }
    }
}
