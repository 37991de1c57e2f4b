using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexesAndPathCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_applications_CurrentRole_Status_DueAt_Id",
                table: "applications",
                columns: new[] { "CurrentRole", "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_Status_DueAt_Id",
                table: "applications",
                columns: new[] { "Status", "DueAt", "Id" });
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
        }
    }
}
