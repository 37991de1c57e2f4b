using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexesAndPathCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "units",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "UnitPath",
                table: "applications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "CurrentUnitPath",
                table: "applications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_CurrentRole_Status_DueAt_Id",
                table: "applications",
                columns: new[] { "CurrentRole", "Status", "DueAt", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "CurrentUnitPath" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_Status_DueAt_Id",
                table: "applications",
                columns: new[] { "Status", "DueAt", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "UnitPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_applications_CurrentRole_Status_DueAt_Id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_Status_DueAt_Id",
                table: "applications");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "units",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "UnitPath",
                table: "applications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "CurrentUnitPath",
                table: "applications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true,
                oldCollation: "C");
        }
    }
}
