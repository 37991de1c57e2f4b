using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaymentReceiptsAndReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReceiptNumber",
                table: "payments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceiptYear",
                table: "payments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "receipt_counters",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipt_counters", x => new { x.UnitId, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_UnitId_PaidAt",
                table: "payments",
                columns: new[] { "UnitId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_UnitId_ReceiptYear_ReceiptNumber",
                table: "payments",
                columns: new[] { "UnitId", "ReceiptYear", "ReceiptNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "receipt_counters");

            migrationBuilder.DropIndex(
                name: "IX_payments_UnitId_PaidAt",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "IX_payments_UnitId_ReceiptYear_ReceiptNumber",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ReceiptNumber",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ReceiptYear",
                table: "payments");
        }
    }
}
