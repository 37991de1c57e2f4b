using MotCua.Web.Modules.Notifications.Sending;
using MotCua.Web.Modules.Notifications.Sms;
using MotCua.Web.Modules.Notifications.Templates;
using MotCua.Web.Modules.Payments.Public;

namespace MotCua.UnitTests.Modules.Notifications;

public sealed class PaymentNoticeWordingTests
{
    private const string Code = "000.01.00.H99-261202-0009";
    private const string Link = "https://dichvucong.anbinh.gov.vn/ho-so/" + Code;

    private static ApplicantEvent Payment(string name, string? reason = null) => ApplicantEvent.Of(new PaymentEventMessage(
        1, Guid.NewGuid(), Code, 3, Guid.NewGuid(), name, 50_000, "Online", "sandbox", new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.FromHours(7)), reason));

    private static (string Title, string Body) Default(ApplicantEvent e)
    {
        var entry = TemplateCatalog.Find(TemplateCatalog.KeyFor(e)!)!;
        var text = NotificationTemplates.Render(entry.Title, entry.Body, TemplateCatalog.Values(e, Link));
        return (text.Title, text.Body);
    }

    [Fact]
    public void Paid_names_the_amount_and_the_application()
    {
        var (title, body) = Default(Payment(PaymentEvents.Paid));
        Assert.Equal("Đã nhận thanh toán", title);
        Assert.Equal($"Đã nhận thanh toán 50.000 đồng cho hồ sơ {Code}. Cảm ơn bạn.", body);
    }

    [Fact]
    public void Failed_says_where_to_try_again_and_a_failure_code_is_no_reason_shown()
    {
        var (title, body) = Default(Payment(PaymentEvents.Failed, reason: "24"));
        Assert.Equal("Thanh toán chưa thành công", title);
        Assert.Contains($"thử lại tại {Link}/thanh-toan", body, StringComparison.Ordinal);
        Assert.DoesNotContain("24", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Refunded_gives_the_reason()
    {
        var (title, body) = Default(Payment(PaymentEvents.Refunded, reason: "Người nộp thuộc diện miễn lệ phí"));
        Assert.Equal("Đã hoàn trả phí, lệ phí", title);
        Assert.Equal($"Đã hoàn trả 50.000 đồng phí, lệ phí của hồ sơ {Code}. Lý do: Người nộp thuộc diện miễn lệ phí.", body);
    }

    [Fact]
    public void The_sms_carries_the_amount_without_diacritics()
    {
        var e = Payment(PaymentEvents.Paid);
        var entry = TemplateCatalog.Find(TemplateCatalog.KeyFor(e)!)!;
        var text = NotificationTemplates.Render(entry.Title, entry.Body, TemplateCatalog.Values(e, Link));
        Assert.Equal($"Da nhan thanh toan 50.000 dong: ho so {Code}.", SmsConsumer.Compose(text, e, new SmsOptions()));
    }
}
