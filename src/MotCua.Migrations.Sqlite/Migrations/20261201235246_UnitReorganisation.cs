using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UnitReorganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "units",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuccessorId",
                table: "units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unit_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuccessorId = table.Column<int>(type: "INTEGER", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OldPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    NewPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_changes_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_units_SuccessorId",
                table: "units",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_changes_EffectiveOn",
                table: "unit_changes",
                column: "EffectiveOn");

            migrationBuilder.CreateIndex(
                name: "IX_unit_changes_UnitId_EffectiveOn",
                table: "unit_changes",
                columns: new[] { "UnitId", "EffectiveOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_units_units_SuccessorId",
                table: "units",
                column: "SuccessorId",
                principalTable: "units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_units_units_SuccessorId",
                table: "units");

            migrationBuilder.DropTable(
                name: "unit_changes");

            migrationBuilder.DropIndex(
                name: "IX_units_SuccessorId",
                table: "units");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "units");

            migrationBuilder.DropColumn(
                name: "ShortName",
                table: "units");

            migrationBuilder.DropColumn(
                name: "SuccessorId",
                table: "units");
        }
    }
}
