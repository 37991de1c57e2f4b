using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChannelsTemplatesAndUnitPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The SMS log becomes the message log of SMS and Zalo: renamed, so the entries written so far stay.
            migrationBuilder.RenameTable(name: "sms_log", newName: "message_log");
            migrationBuilder.Sql("ALTER TABLE message_log RENAME CONSTRAINT \"PK_sms_log\" TO \"PK_message_log\";");
            migrationBuilder.RenameIndex(name: "IX_sms_log_DeliveryId", table: "message_log", newName: "IX_message_log_DeliveryId");
            migrationBuilder.AddColumn<string>(name: "Channel", table: "message_log", maxLength: 10, nullable: false, defaultValue: "sms");

            migrationBuilder.AddColumn<string>(
                name: "AreaName",
                table: "units",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "units",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contact_codes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_codes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contact_codes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_channels",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<bool>(type: "boolean", nullable: false),
                    Sms = table.Column<bool>(type: "boolean", nullable: false),
                    Zalo = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_channels", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_notification_channels_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_templates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_templates", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contact_codes_UserId_CreatedAt",
                table: "contact_codes",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_codes");

            migrationBuilder.DropTable(
                name: "notification_channels");

            migrationBuilder.DropTable(
                name: "notification_templates");

            migrationBuilder.DropColumn(
                name: "AreaName",
                table: "units");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "units");

            migrationBuilder.DropColumn(name: "Channel", table: "message_log");
            migrationBuilder.RenameIndex(name: "IX_message_log_DeliveryId", table: "message_log", newName: "IX_sms_log_DeliveryId");
            migrationBuilder.RenameTable(name: "message_log", newName: "sms_log");
            migrationBuilder.Sql("ALTER TABLE sms_log RENAME CONSTRAINT \"PK_message_log\" TO \"PK_sms_log\";");
        }
    }
}
