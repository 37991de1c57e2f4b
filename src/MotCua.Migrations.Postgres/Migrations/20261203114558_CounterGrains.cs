using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CounterGrains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_indicator_counts_report",
                table: "indicator_counts");

            migrationBuilder.CreateTable(
                name: "indicator_counter_grains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CutOffDay = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_counter_grains", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_counts_report",
                table: "indicator_counts",
                columns: new[] { "UnitId", "Day", "Measure", "ProcedureCode", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_counter_grains");

            migrationBuilder.DropIndex(
                name: "IX_indicator_counts_report",
                table: "indicator_counts");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_counts_report",
                table: "indicator_counts",
                columns: new[] { "UnitId", "Measure", "Day", "ProcedureCode", "Count" });
        }
    }
}
