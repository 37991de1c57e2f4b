using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UnitCollectingAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountBank",
                table: "payments",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccountHolder",
                table: "payments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccountNumber",
                table: "payments",
                type: "TEXT",
                maxLength: 19,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payment_collecting_account_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OldBankName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    OldAccountNumber = table.Column<string>(type: "TEXT", maxLength: 19, nullable: true),
                    OldAccountHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OldProvider = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    NewBankName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NewAccountNumber = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    NewAccountHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewProvider = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_collecting_account_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_collecting_accounts",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    BankKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    AccountHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_collecting_accounts", x => x.UnitId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payment_collecting_account_changes_UnitId_At",
                table: "payment_collecting_account_changes",
                columns: new[] { "UnitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_collecting_accounts_BankKey_AccountNumber",
                table: "payment_collecting_accounts",
                columns: new[] { "BankKey", "AccountNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_collecting_account_changes");

            migrationBuilder.DropTable(
                name: "payment_collecting_accounts");

            migrationBuilder.DropColumn(
                name: "AccountBank",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "AccountHolder",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "AccountNumber",
                table: "payments");
        }
    }
}
