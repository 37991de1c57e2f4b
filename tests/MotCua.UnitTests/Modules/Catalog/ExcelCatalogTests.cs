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
    public void Fee_kinds_payment_timing_and_exemptions_read_back_and_an_old_workbook_without_them_reads_as_before()
    {
        var sample = Sample();
        var first = sample.Procedures[0];
        var withFees = first with
        {
            Fees = [new FeeRecord("Phí cung cấp thông tin lý lịch tư pháp", 200_000, null, null, MotCua.Web.Modules.Catalog.Public.FeeKind.Charge)],
            PaymentDue = MotCua.Web.Modules.Catalog.Public.PaymentTiming.AtSubmission,
            Exemptions = [new ExemptionRecord("Sinh viên", 50, "Thông tư số 244/2016/TT-BTC", MotCua.Web.Modules.Catalog.Public.FeeKind.Charge), new ExemptionRecord("Người cao tuổi", 100)],
        };
        var file = sample with { Procedures = [withFees, .. sample.Procedures.Skip(1)] };
        using var workbook = new MemoryStream(ExcelCatalog.Write(file));
        var read = ExcelCatalog.Read(workbook);
        Assert.True(read.Succeeded, read.Failure?.Headline);
        Assert.Equal(CatalogJson.Canonical(withFees.Terms), CatalogJson.Canonical(read.Value!.Procedures[0].Terms));

        // Without the exemptions sheet (a workbook made before it existed) the rest reads, fees as lệ phí when no kind is written.
        workbook.Position = 0;
        var sheets = MiniExcel.GetSheetNames(workbook).Where(n => n != ExcelCatalog.Exemptions).ToDictionary(name => name, name =>
        {
            workbook.Position = 0;
            return (object)workbook.Query(useHeaderRow: true, sheetName: name).Select(r => new Dictionary<string, object?>((IDictionary<string, object?>)r)).ToList();
        });
        using var old = new MemoryStream();
        old.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        old.Position = 0;
        var oldRead = ExcelCatalog.Read(old);
        Assert.True(oldRead.Succeeded, oldRead.Failure?.Headline);
        Assert.Empty(oldRead.Value!.Procedures[0].Exemptions ?? []);
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
