using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AmountDue",
                table: "applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderRef = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Provider = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    PayerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GatewayTransactionNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    BankCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResponseCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RefundedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefundedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RefundReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sandbox_gateway_transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TmnCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TxnRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    TransactionNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResponseCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    TransactionStatus = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    BankCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrderInfo = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    PayDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sandbox_gateway_transactions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_ApplicationId",
                table: "payments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_OrderRef",
                table: "payments",
                column: "OrderRef",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_Status_ExpiresAt",
                table: "payments",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_UnitId_CreatedAt",
                table: "payments",
                columns: new[] { "UnitId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_gateway_transactions_TmnCode_TxnRef",
                table: "sandbox_gateway_transactions",
                columns: new[] { "TmnCode", "TxnRef" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "sandbox_gateway_transactions");

            migrationBuilder.DropColumn(
                name: "AmountDue",
                table: "applications");
        }
    }
}
