using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
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
                type: "jsonb",
                nullable: true,
                // Applications filed before: no national data used (an empty list, not a missing one).
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "national_data_replacements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DocumentReplaced = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NationalDatabase = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DatabaseOwner = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
