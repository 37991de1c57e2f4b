using MotCua.UnitTests.Modules.Applications.Slips;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Receipts;

namespace MotCua.UnitTests.Modules.Payments.Receipts;

public sealed class ReceiptRendererTests
{
    private static readonly DateTimeOffset PaidAt = new(2026, 12, 2, 14, 30, 0, TimeSpan.FromHours(7));

    internal static ReceiptData Sample(string? refund = null) => new(
        new CollectingUnit("UBND phường An Phú", "Số 1 đường Lê Lợi, phường An Phú", "An Phú", "UBND tỉnh An Bình"),
        ReceiptService.Series(2026), ReceiptService.Number(12),
        "Nguyễn Thị Hoa", "Số 5 ngõ 3, phường An Phú", "H99.01-261202-0007", "Đăng ký khai sinh", "261202ABCDEF123",
        [new ReceiptLine("Lệ phí/phí giải quyết hồ sơ H99.01-261202-0007 (Đăng ký khai sinh)", 50_000)],
        "Trực tuyến qua Cổng thanh toán thử nghiệm, mã giao dịch 14012345", null, PaidAt, "https://dichvucong.example/tra-cuu?code=H99.01-261202-0007", refund);

    [Fact]
    public void The_receipt_carries_the_unit_its_number_the_payer_the_lines_and_the_amount_in_words()
    {
        var text = PdfText.Of(ReceiptRenderer.Render(Sample()));
        Assert.Contains("BIÊN LAI THU PHÍ, LỆ PHÍ", text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường An Phú", text, StringComparison.Ordinal);
        Assert.Contains("01BLP0-001", text, StringComparison.Ordinal);
        Assert.Contains("BL-26E", text, StringComparison.Ordinal);
        Assert.Contains("0000012", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", text, StringComparison.Ordinal);
        Assert.Contains("H99.01-261202-0007", text, StringComparison.Ordinal);
        Assert.Contains("50.000", text, StringComparison.Ordinal);
        Assert.Contains("Năm mươi nghìn đồng", text, StringComparison.Ordinal);
        Assert.Contains("mã giao dịch 14012345", text, StringComparison.Ordinal);
        Assert.Contains("14 giờ 30 phút, ngày 02/12/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐÃ HOÀN TRẢ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refunded_payments_receipt_says_so() =>
        Assert.Contains("ĐÃ HOÀN TRẢ", PdfText.Of(ReceiptRenderer.Render(Sample("ngày 03/12/2026, lý do: hồ sơ bị từ chối"))), StringComparison.Ordinal);

    [Theory]
    [InlineData(2026, "BL-26E")]
    [InlineData(2030, "BL-30E")]
    public void The_series_names_the_year(int year, string series) => Assert.Equal(series, ReceiptService.Series(year));

    [Fact]
    public void One_line_for_the_fee_when_the_payment_carries_no_items()
    {
        var line = Assert.Single(ReceiptService.Lines(PaymentOf(50_000), "Đăng ký khai sinh"));
        Assert.Equal(new ReceiptLine("Lệ phí/phí giải quyết hồ sơ H99-7 (Đăng ký khai sinh)", 50_000), line);
    }

    [Fact]
    public void Each_phi_and_le_phi_on_its_own_line()
    {
        var lines = ReceiptService.Lines(
            PaymentOf(130_000, new PaymentItem("Lệ phí đăng ký kinh doanh", PaymentItem.Duty, 100_000), new PaymentItem("cung cấp thông tin", PaymentItem.Charge, 30_000)),
            "Đăng ký hộ kinh doanh");
        Assert.Equal([new ReceiptLine("Lệ phí đăng ký kinh doanh", 100_000), new ReceiptLine("Phí cung cấp thông tin", 30_000)], lines);
    }

    [Fact]
    public void Items_that_do_not_add_up_to_what_was_paid_give_one_line()
    {
        var line = Assert.Single(ReceiptService.Lines(PaymentOf(20_000, new PaymentItem("Lệ phí hộ tịch", PaymentItem.Duty, 50_000)), "Đăng ký khai sinh"));
        Assert.Equal(20_000, line.Amount);
    }

    private static Payment PaymentOf(long amount, params PaymentItem[] items) =>
        new("261202ABCDEF", 7, "H99-7", 3, amount, "sandbox", "x", null, NodaTime.Instant.FromUtc(2026, 12, 2, 8, 0), NodaTime.Duration.FromMinutes(15), items);
}
