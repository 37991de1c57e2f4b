using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FeeKindsTimingAndExemptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeeExemptions",
                table: "procedures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentDue",
                table: "procedures",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "AfterProcessing");

            migrationBuilder.AddColumn<string>(
                name: "Items",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExemptionCategory",
                table: "applications",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExemptionLegalBasis",
                table: "applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExemptionPercent",
                table: "applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeItems",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FeePaidAt",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FeesDueAtSubmission",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeeExemptions",
                table: "procedures");

            migrationBuilder.DropColumn(
                name: "PaymentDue",
                table: "procedures");

            migrationBuilder.DropColumn(
                name: "Items",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ExemptionCategory",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ExemptionLegalBasis",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ExemptionPercent",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeeItems",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeePaidAt",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "FeesDueAtSubmission",
                table: "applications");
        }
    }
}
