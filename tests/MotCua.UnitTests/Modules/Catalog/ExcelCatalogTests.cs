using System.Text.Json;
using MiniExcelLibs;
using MotCua.Web.Modules.Catalog.Exchange;

namespace MotCua.UnitTests.Modules.Catalog;

/// <summary>The catalog as an Excel workbook reads back as the same records, and a wrong cell is named by sheet, row and column.</summary>
public sealed class ExcelCatalogTests
{
    private static readonly string SampleFile = Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Exchange", "Samples", "catalog-sample.json");

    private static CatalogFile Sample() => JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(SampleFile), CatalogJson.Options)!;

    [Fact]
    public void The_sample_written_to_excel_reads_back_the_same()
    {
        var sample = Sample();
        using var workbook = new MemoryStream(ExcelCatalog.Write(sample));
        var read = ExcelCatalog.Read(workbook);
        Assert.True(read.Succeeded, read.Failure?.Headline);
        Assert.Equal(sample.Procedures.Select(p => CatalogJson.Canonical(p.Terms)), read.Value!.Procedures.Select(p => CatalogJson.Canonical(p.Terms)));
    }

    [Fact]
    public void A_wrong_cell_is_named_by_sheet_row_and_column()
    {
        var sample = Sample();
        using var workbook = new MemoryStream(ExcelCatalog.Write(sample));
        var sheets = MiniExcel.GetSheetNames(workbook).ToDictionary(name => name, name =>
        {
            workbook.Position = 0;
            return workbook.Query(useHeaderRow: true, sheetName: name).Select(r => (IDictionary<string, object?>)r).Select(r => new Dictionary<string, object?>(r)).ToList();
        });
        sheets[ExcelCatalog.Fees][0]["Mức thu (đồng)"] = "ba nghìn";
        sheets[ExcelCatalog.Procedures][1]["Mức độ trực tuyến (Info, Partial, Full)"] = "Level4";
        using var edited = new MemoryStream();
        edited.SaveAs(sheets.ToDictionary(s => s.Key, s => (object)s.Value), printHeader: true, excelType: ExcelType.XLSX);
        edited.Position = 0;

        var read = ExcelCatalog.Read(edited);
        var messages = read.Failure!.Fields.Select(f => f.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Trang “Phí, lệ phí”, dòng 2, cột “Mức thu (đồng)”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Trang “Thủ tục”, dòng 3", StringComparison.Ordinal) && m.Contains("Level4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_plainly()
    {
        using var notExcel = new MemoryStream("không phải bảng tính"u8.ToArray());
        var read = ExcelCatalog.Read(notExcel);
        Assert.Contains(".xlsx", read.Failure!.Headline, StringComparison.Ordinal);
    }
}
