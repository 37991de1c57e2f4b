using System.Text;
using MiniExcelLibs;
using MotCua.Web.Modules.Applications.Slips;
using UglyToad.PdfPig;

namespace MotCua.UnitTests.Modules.Applications.Slips;

public sealed class TrackingBookRendererTests
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 30);

    [Fact]
    public void Pdf_is_landscape_a4_and_repeats_the_table_header_on_every_page()
    {
        var pdf = TrackingBookRenderer.RenderPdf("UBND PHƯỜNG AN PHÚ", "UBND TỈNH AN BÌNH", From, To, SlipSamples.Book(40));

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        var first = PdfText.Of(document.GetPage(1));
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", first);
        Assert.Contains("UBND PHƯỜNG AN PHÚ", first);
        Assert.Contains("Từ ngày 01/11/2026 đến ngày 30/11/2026", first);
        Assert.Contains("Nguyễn Văn An", first);
        Assert.Contains("261124-0001", first);
        Assert.Contains("09:06 24/11/2026", first);
        Assert.Contains("Trả tại quầy", first);
        foreach (var page in document.GetPages())
        {
            Assert.Equal(842, page.Width, 0);
            Assert.Equal(595, page.Height, 0);
            var text = PdfText.Of(page);
            Assert.Contains("STT Mã hồ sơ Tên thủ tục hành chính", text);
            Assert.Contains("Trả kết quả cho cá nhân, tổ chức Ký nhận Ghi chú", text);
        }

        var all = string.Join(" ", document.GetPages().Select(PdfText.Of));
        Assert.Contains("Trần Thị Hoa 40", all);
    }

    [Fact]
    public void Excel_has_a_title_row_vietnamese_headers_and_one_row_per_application()
    {
        var xlsx = TrackingBookRenderer.RenderExcel("UBND PHƯỜNG AN PHÚ", "UBND TỈNH AN BÌNH", From, To, SlipSamples.Book(3));

        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3 + 3, rows.Count);
        Assert.Equal("SỔ THEO DÕI HỒ SƠ", rows[0]["A"]);
        Assert.Equal("UBND PHƯỜNG AN PHÚ (UBND TỈNH AN BÌNH) - Từ ngày 01/11/2026 đến ngày 30/11/2026", rows[1]["A"]);
        Assert.Equal(
            ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
             "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
             "Nhận kết quả từ cơ quan giải quyết", "Trả kết quả cho cá nhân, tổ chức", "Ký nhận", "Ghi chú"],
            rows[2].Values.Select(v => v?.ToString()));

        var first = rows[3];
        Assert.Equal(1d, first["A"]);
        Assert.Equal("000.00.04.H41-261124-0001", first["B"]);
        Assert.Equal("Đăng ký khai sinh", first["C"]);
        Assert.Equal(1d, first["D"]);
        Assert.Equal("Nguyễn Văn An", first["E"]);
        Assert.Equal("Tư pháp - Hộ tịch", first["G"]);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 6, 0), first["H"]);
        Assert.Equal(new DateTime(2026, 11, 27, 16, 30, 0), first["I"]);
        Assert.Equal(new DateTime(2026, 11, 27, 16, 30, 0), first["L"]);
        Assert.Equal("Trả tại quầy", first["N"]);
        Assert.Null(rows[4]["L"]);
    }

    [Fact]
    public void An_empty_period_still_gives_a_book_with_its_header()
    {
        var text = PdfText.Of(TrackingBookRenderer.RenderPdf("UBND PHƯỜNG AN PHÚ", "UBND TỈNH AN BÌNH", From, To, []));
        Assert.Contains("STT Mã hồ sơ", text);

        using var stream = new MemoryStream(TrackingBookRenderer.RenderExcel("UBND PHƯỜNG AN PHÚ", "UBND TỈNH AN BÌNH", From, To, []));
        Assert.Equal(3, stream.Query(useHeaderRow: false).Count());
    }
}
