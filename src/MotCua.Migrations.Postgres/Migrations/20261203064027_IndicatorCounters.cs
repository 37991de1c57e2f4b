using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_counted_applications",
                columns: table => new
                {
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Keys = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_counted_applications", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "indicator_counts",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_counts", x => new { x.UnitId, x.Day, x.ProcedureCode, x.Measure });
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_counts_Day_Measure",
                table: "indicator_counts",
                columns: new[] { "Day", "Measure" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_counted_applications");

            migrationBuilder.DropTable(
                name: "indicator_counts");
        }
    }
}
