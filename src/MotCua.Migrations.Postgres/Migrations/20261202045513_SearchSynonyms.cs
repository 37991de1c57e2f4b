using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchSynonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_synonyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Meaning = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FoldedTerm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_synonyms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_synonyms_FoldedTerm",
                table: "search_synonyms",
                column: "FoldedTerm",
                unique: true);

            // What a new province starts with: everyday words for the most asked-for procedures; the admin edits the list.
            migrationBuilder.InsertData(
                table: "search_synonyms",
                columns: new[] { "Term", "Meaning", "FoldedTerm" },
                values: new object[,]
                {
                    { "cccd", "căn cước", "cccd" },
                    { "căn cước công dân", "căn cước", "can cuoc cong dan" },
                    { "cmnd", "chứng minh nhân dân", "cmnd" },
                    { "bhyt", "bảo hiểm y tế", "bhyt" },
                    { "bhxh", "bảo hiểm xã hội", "bhxh" },
                    { "sổ đỏ", "quyền sử dụng đất", "so do" },
                    { "sổ hồng", "quyền sử dụng đất", "so hong" },
                    { "hộ khẩu", "thường trú", "ho khau" },
                    { "nhập khẩu", "đăng ký thường trú", "nhap khau" },
                    { "bằng lái", "giấy phép lái xe", "bang lai" },
                    { "gplx", "giấy phép lái xe", "gplx" },
                    { "giấy phép kinh doanh", "đăng ký kinh doanh", "giay phep kinh doanh" },
                    { "lý lịch", "lý lịch tư pháp", "li lich" },
                    { "passport", "hộ chiếu", "passport" },
                    { "giấy khai sinh", "khai sinh", "giay khai sinh" },
                    { "đăng ký xe", "biển số", "dang ki xe" },
                    { "làm sổ", "quyền sử dụng đất", "lam so" },
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_synonyms");
        }
    }
}
