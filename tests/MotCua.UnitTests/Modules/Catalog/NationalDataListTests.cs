using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Catalog.Seed;

namespace MotCua.UnitTests.Modules.Catalog;

/// <summary>The national list of documents replaced by national data, as every database starts with it, and how a line meets a procedure's document.</summary>
public sealed class NationalDataListTests
{
    [Fact]
    public void The_embedded_list_holds_every_line_of_the_national_table()
    {
        var lines = NationalDataReplacementsSeed.Read();
        Assert.Equal(741, lines.Count);
        var birth = Assert.Single(lines, l => l.ProcedureCode == "1.001193");
        Assert.Equal(("Căn cước", "Cơ sở dữ liệu quốc gia về dân cư", "Bộ Công an", NationalDatabaseKind.Population),
            (birth.DocumentReplaced, birth.NationalDatabase, birth.DatabaseOwner, birth.Kind));
        Assert.All(lines, l => Assert.True(l.DocumentReplaced.IsNormalized(System.Text.NormalizationForm.FormC)));
    }

    [Theory]
    [InlineData("Cơ sở dữ liệu quốc gia về dân cư", NationalDatabaseKind.Population)]
    [InlineData("CSDL Căn cước công dân", NationalDatabaseKind.Population)]
    [InlineData("CSDL hộ tịch; CSDL dân cư", NationalDatabaseKind.CivilStatus)]
    [InlineData("CSDL Quốc gia về đăng ký doanh nghiệp", NationalDatabaseKind.Business)]
    [InlineData("CSDL quốc gia về Đất đai", NationalDatabaseKind.Land)]
    [InlineData("CSDL Đăng ký xe", NationalDatabaseKind.Vehicle)]
    [InlineData("Cơ sở dữ liệu về lý lịch tư pháp", NationalDatabaseKind.JudicialRecord)]
    [InlineData("Bộ Công an", NationalDatabaseKind.Other)]
    public void The_database_kind_is_read_from_its_name(string database, NationalDatabaseKind kind) =>
        Assert.Equal(kind, NationalDataSource.KindOf(database));

    [Fact]
    public void A_line_replaces_every_document_whose_name_contains_it_without_minding_diacritics_or_case()
    {
        var line = new NationalDataSource(1, "1.001193", "Căn cước", "Cơ sở dữ liệu quốc gia về dân cư", "Bộ Công an", NationalDatabaseKind.Population);
        Assert.True(line.Supplies(new RequiredDocument("Thẻ căn cước hoặc giấy tờ tùy thân có ảnh của người yêu cầu (xuất trình)", 0, 0, false, true, null)));
        Assert.True(line.Supplies(new RequiredDocument("Bản sao CAN CUOC", 0, 1, true, false, null)));
        Assert.False(line.Supplies(new RequiredDocument("Giấy chứng sinh do cơ sở y tế cấp", 1, 0, true, false, null)));
    }
}
