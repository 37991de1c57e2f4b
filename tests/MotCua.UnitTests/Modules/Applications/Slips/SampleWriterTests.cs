using MotCua.Web.Modules.Applications.Slips;

namespace MotCua.UnitTests.Modules.Applications.Slips;

public sealed class SampleWriterTests
{
    /// <summary>Writes one sample of every form to MOTCUA_SLIP_SAMPLES, when set, to look at.</summary>
    [Fact]
    public void Every_form_renders_a_sample()
    {
        var folder = Environment.GetEnvironmentVariable("MOTCUA_SLIP_SAMPLES");
        foreach (var kind in SlipKinds.All)
        {
            var pdf = SlipRenderer.Render(kind, SlipSamples.Birth(kind));
            Assert.NotEmpty(pdf);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, $"{kind.FormNumber()}-{kind.ToSlug()}.pdf"), pdf);
            }
        }

        var longReceipt = SlipSamples.Birth(SlipKind.Receipt) with
        {
            Documents = [.. Enumerable.Range(1, 45).Select(i => new ReceivedDocument($"Giấy tờ kèm theo số {i}: bản sao giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", 1, i % 3))],
        };
        var longPdf = SlipRenderer.Render(SlipKind.Receipt, longReceipt);
        Assert.NotEmpty(longPdf);
        if (!string.IsNullOrEmpty(folder))
        {
            File.WriteAllBytes(Path.Combine(folder, "01-receipt-long.pdf"), longPdf);
        }

        var book = SlipSamples.Book(40);
        var from = new DateOnly(2026, 11, 1);
        var to = new DateOnly(2026, 11, 30);
        var bookPdf = TrackingBookRenderer.RenderPdf("UBND PHƯỜNG AN PHÚ", "UBND TỈNH AN BÌNH", from, to, book);
        var bookXlsx = TrackingBookRenderer.RenderExcel("UBND PHƯỜNG AN PHÚ", "UBND TỈNH AN BÌNH", from, to, book);
        if (!string.IsNullOrEmpty(folder))
        {
            File.WriteAllBytes(Path.Combine(folder, "07-tracking-book.pdf"), bookPdf);
            File.WriteAllBytes(Path.Combine(folder, "07-tracking-book.xlsx"), bookXlsx);
        }
    }
}
