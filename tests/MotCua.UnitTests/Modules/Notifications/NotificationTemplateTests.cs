using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Templates;

namespace MotCua.UnitTests.Modules.Notifications;

public sealed class NotificationTemplateTests
{
    private static ApplicationEventMessage Event(string action, ApplicationStatus to, string? note = null, IReadOnlyList<string>? items = null,
        DateTimeOffset? due = null, DateTimeOffset? newDue = null, string? reason = null, int channel = 2) =>
        new(1, "000.01.00.H99-261201-0007", "CT", "Đăng ký khai sinh", 1, Guid.NewGuid(), 2, action, ApplicationStatus.Submitted, to, 2, channel,
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)), note, due, newDue, items, reason);

    private static (string Title, string Body) Default(ApplicationEventMessage e)
    {
        var entry = TemplateCatalog.Find(TemplateCatalog.KeyFor(e)!)!;
        var text = NotificationTemplates.Render(entry.Title, entry.Body, TemplateCatalog.Values(e, "https://dichvucong.anbinh.gov.vn/ho-so/x"));
        return (text.Title, text.Body);
    }

    [Fact]
    public void Every_default_wording_parses_and_uses_known_variables_only()
    {
        foreach (var entry in TemplateCatalog.Entries)
        {
            Assert.Empty(NotificationTemplates.Check(entry.Title, entry.Body));
        }
    }

    [Fact]
    public void Received_says_the_due_date_and_the_note()
    {
        var (title, body) = Default(Event("receive", ApplicationStatus.Received, note: "Mang bản chính khi nhận.", due: new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal("Hồ sơ đã được tiếp nhận", title);
        Assert.Equal("Hồ sơ 000.01.00.H99-261201-0007 (Đăng ký khai sinh) đã được tiếp nhận. Ngày hẹn trả kết quả: 16:00 ngày 04/12/2026. Ghi chú: Mang bản chính khi nhận.", body);
    }

    [Fact]
    public void Without_a_due_date_or_note_those_sentences_are_left_out()
    {
        var (_, body) = Default(Event("receive", ApplicationStatus.Received));
        Assert.Equal("Hồ sơ 000.01.00.H99-261201-0007 (Đăng ký khai sinh) đã được tiếp nhận.", body);
    }

    [Fact]
    public void A_supplement_request_lists_every_item()
    {
        var (title, body) = Default(Event("request-supplement", ApplicationStatus.SupplementRequested, items: ["Giấy chứng sinh: bản chụp bị mờ", "Giấy xác nhận cư trú"]));
        Assert.Equal("Hồ sơ cần bổ sung", title);
        Assert.Contains("cần bổ sung: Giấy chứng sinh: bản chụp bị mờ; Giấy xác nhận cư trú.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submission_with_its_fee_due_first_says_how_much_and_where_to_pay()
    {
        var (title, body) = Default(Event("submit", ApplicationStatus.Submitted) with { FromStatus = ApplicationStatus.Draft, AmountDue = 205_000 });
        Assert.Equal("Đã gửi hồ sơ, cần nộp phí, lệ phí", title);
        Assert.Equal("Hồ sơ 000.01.00.H99-261201-0007 (Đăng ký khai sinh) đã được gửi. Cần nộp 205.000 đồng phí, lệ phí trước khi bộ phận một cửa tiếp nhận: "
            + "thanh toán trực tuyến tại https://dichvucong.anbinh.gov.vn/ho-so/x/thanh-toan hoặc nộp tại bộ phận một cửa.", body);
        Assert.Equal("Đã gửi hồ sơ", Default(Event("submit", ApplicationStatus.Submitted) with { FromStatus = ApplicationStatus.Draft }).Title);
    }

    [Fact]
    public void An_apology_gives_the_new_date()
    {
        var (_, body) = Default(Event("apologize", ApplicationStatus.InProgress, newDue: new DateTimeOffset(2026, 12, 8, 16, 0, 0, TimeSpan.FromHours(7))));
        Assert.Contains("Ngày hẹn trả mới: 16:00 ngày 08/12/2026.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_inside_the_office_say_nothing()
    {
        Assert.Null(TemplateCatalog.KeyFor(Event("forward", ApplicationStatus.InProgress)));
        Assert.Null(TemplateCatalog.KeyFor(Event("receive", ApplicationStatus.InProgress)));
    }

    [Theory]
    [InlineData("Hồ sơ {{ ma_ho_so }}", "Hạn {{ ngay_het_han }}", "Body", "“ngay_het_han”")]
    [InlineData("Hồ sơ {{ ma_hoso }}", "Nội dung", "Title", "“ma_hoso”")]
    [InlineData("Tiêu đề", "Hồ sơ {{ ma_ho_so ", "Body", "sai cú pháp")]
    [InlineData("Tiêu đề", "{% if ghi_chu %}Thiếu endif", "Body", "sai cú pháp")]
    [InlineData(" ", "Nội dung", "Title", "Nhập tiêu đề")]
    [InlineData("Tiêu đề", "", "Body", "Nhập nội dung")]
    public void A_wrong_wording_is_explained_beside_its_field(string title, string body, string field, string says)
    {
        var problems = NotificationTemplates.Check(title, body);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_wording_makes_itself_are_not_unknown_variables()
    {
        Assert.Empty(NotificationTemplates.Check("Hồ sơ {{ ma_ho_so }}",
            "{% for g in giay_to_bo_sung %}- {{ g }} ({{ forloop.index }})\n{% endfor %}{% assign ma = ma_ho_so %}{{ ma }}{% capture c %}x{% endcapture %}{{ c }}"));
    }

    [Fact]
    public void The_unknown_variable_message_lists_the_ones_there_are()
    {
        var (_, message) = Assert.Single(NotificationTemplates.Check("{{ ten }}", "x"));
        foreach (var name in TemplateCatalog.Variables.Keys)
        {
            Assert.Contains(name, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Not_accepted_gives_the_reason()
    {
        var (title, body) = Default(Event("refuse", ApplicationStatus.NotAccepted, reason: "Thủ tục không thuộc thẩm quyền của UBND phường"));
        Assert.Equal("Hồ sơ không được tiếp nhận", title);
        Assert.EndsWith("không được tiếp nhận. Lý do: Thủ tục không thuộc thẩm quyền của UBND phường.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "Bạn tải kết quả trên trang hồ sơ")]
    [InlineData(1, "Bạn nhận kết quả tại bộ phận một cửa nơi nộp hồ sơ")]
    [InlineData(3, "qua bưu chính công ích")]
    public void Result_ready_says_how_to_collect_it_by_the_way_it_was_filed(int channel, string says)
    {
        var (_, body) = Default(Event("approve", ApplicationStatus.ResultReady, channel: channel));
        Assert.Contains(says, body, StringComparison.Ordinal);
    }
}

