using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NationalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NationalData",
                table: "applications",
                type: "TEXT",
                nullable: true,
                // Applications filed before: no national data used (an empty list, not a missing one).
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "national_data_replacements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DocumentReplaced = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    NationalDatabase = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DatabaseOwner = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_national_data_replacements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_national_data_replacements_ProcedureCode",
                table: "national_data_replacements",
                column: "ProcedureCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "national_data_replacements");

            migrationBuilder.DropColumn(
                name: "NationalData",
                table: "applications");
        }
    }
}
