using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessageLogWithZalo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The SMS log becomes the message log of SMS and Zalo: renamed, so the entries written so far stay.
            migrationBuilder.RenameTable(name: "sms_log", newName: "message_log");
            migrationBuilder.RenameIndex(name: "IX_sms_log_DeliveryId", table: "message_log", newName: "IX_message_log_DeliveryId");
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "message_log",
                maxLength: 10,
                nullable: false,
                defaultValue: "sms");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Channel", table: "message_log");
            migrationBuilder.RenameIndex(name: "IX_message_log_DeliveryId", table: "message_log", newName: "IX_sms_log_DeliveryId");
            migrationBuilder.RenameTable(name: "message_log", newName: "sms_log");
        }
    }
}
