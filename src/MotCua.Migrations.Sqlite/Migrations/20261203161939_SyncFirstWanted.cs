using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SyncFirstWanted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstWantedAt",
                table: "national_sync",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_national_sync_FirstWantedAt",
                table: "national_sync",
                column: "FirstWantedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_national_sync_FirstWantedAt",
                table: "national_sync");

            migrationBuilder.DropColumn(
                name: "FirstWantedAt",
                table: "national_sync");
        }
    }
}
