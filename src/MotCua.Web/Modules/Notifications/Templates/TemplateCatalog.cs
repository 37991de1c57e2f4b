using MotCua.Web.Common.Text;
using System.Globalization;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Sending;

namespace MotCua.Web.Modules.Notifications.Templates;

/// <summary>A notification the applicant can receive: its key, what the admin's list calls it, and its default wording.</summary>
public sealed record TemplateEntry(string Key, string Event, string Title, string Body);

/// <summary>
/// Which application events the applicant hears of, and the default Vietnamese of each, in Liquid. Steps inside the
/// office (forward, the hand-over to the first processing step) say nothing: the applicant acts on results, not on
/// routing. The province admin may reword any of them (/quan-tri/mau-thong-bao); the variables stay these.
/// </summary>
public static class TemplateCatalog
{
    /// <summary>The variables every template may use, with what each holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ma_ho_so"] = "Mã hồ sơ, ví dụ 000.01.00.H99-261201-0001",
        ["ten_thu_tuc"] = "Tên thủ tục",
        ["ngay_hen_tra"] = "Ngày hẹn trả kết quả (giờ và ngày), trống nếu chưa có",
        ["ngay_hen_moi"] = "Ngày hẹn trả mới trong thư xin lỗi, trống nếu không có",
        ["ghi_chu"] = "Ghi chú của cán bộ gửi người nộp (lý do, hướng dẫn), trống nếu không có",
        ["giay_to_bo_sung"] = "Danh sách giấy tờ cần bổ sung (dùng {% for g in giay_to_bo_sung %}…{% endfor %} hoặc {{ giay_to_bo_sung | join: \"; \" }})",
        ["duong_dan"] = "Địa chỉ trang hồ sơ trên cổng",
        ["ly_do"] = "Lý do không tiếp nhận, từ chối, tạm dừng (như trên phiếu gửi người nộp) hoặc hoàn trả phí, lệ phí; trống nếu không có",
        ["cach_nhan_ket_qua"] = "Cách nhận kết quả theo cách đã nộp hồ sơ (trực tuyến, tại bộ phận một cửa, qua bưu chính)",
        ["so_tien"] = "Số tiền phí, lệ phí: phải nộp khi gửi hồ sơ hoặc khi cơ quan yêu cầu thanh toán (trống nếu không ghi), đã nộp, chưa nộp được hoặc được hoàn trả; ví dụ 50.000 đồng",
        ["duong_dan_thanh_toan"] = "Địa chỉ trang thanh toán trực tuyến của hồ sơ",
    };

    private const string What = "Hồ sơ {{ ma_ho_so }} ({{ ten_thu_tuc }})";
    private const string Note = "{% if ghi_chu != blank %} Ghi chú: {{ ghi_chu }}{% endif %}";
    private const string Reason = "{% if ly_do != blank %} Lý do: {{ ly_do }}.{% endif %}";

    public static readonly IReadOnlyList<TemplateEntry> Entries =
    [
        new("submitted", "Người nộp gửi hồ sơ trực tuyến", "Đã gửi hồ sơ",
            What + " đã được gửi đến bộ phận một cửa và đang chờ tiếp nhận.{% if ngay_hen_tra != blank %} Ngày hẹn trả dự kiến: {{ ngay_hen_tra }}.{% endif %}"),
        new("submitted-payment-due", "Người nộp gửi hồ sơ trực tuyến, thủ tục thu phí, lệ phí khi nộp", "Đã gửi hồ sơ, cần nộp phí, lệ phí",
            What + " đã được gửi. Cần nộp {{ so_tien }} phí, lệ phí trước khi bộ phận một cửa tiếp nhận: thanh toán trực tuyến tại {{ duong_dan_thanh_toan }} hoặc nộp tại bộ phận một cửa."),
        new("received", "Bộ phận một cửa tiếp nhận hồ sơ", "Hồ sơ đã được tiếp nhận",
            What + " đã được tiếp nhận.{% if ngay_hen_tra != blank %} Ngày hẹn trả kết quả: {{ ngay_hen_tra }}.{% endif %}" + Note),
        new("not-accepted", "Hồ sơ không được tiếp nhận", "Hồ sơ không được tiếp nhận", What + " không được tiếp nhận." + Reason + Note),
        new("supplement-requested", "Yêu cầu bổ sung hồ sơ", "Hồ sơ cần bổ sung",
            What + " cần bổ sung: {{ giay_to_bo_sung | join: \"; \" }}. Thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung." + Note),
        new("result-ready", "Hồ sơ có kết quả", "Hồ sơ đã có kết quả", What + " đã có kết quả. {{ cach_nhan_ket_qua }}." + Note),
        new("rejected", "Từ chối giải quyết", "Hồ sơ bị từ chối giải quyết", What + " bị từ chối giải quyết." + Reason + Note),
        new("payment-requested", "Yêu cầu nộp phí, lệ phí", "Cần nộp phí, lệ phí",
            What + " cần nộp {% if so_tien != blank %}{{ so_tien }} {% endif %}phí, lệ phí để tiếp tục giải quyết.{% if so_tien != blank %} Thanh toán trực tuyến: {{ duong_dan_thanh_toan }}{% endif %}" + Note),
        new("returned", "Trả kết quả", "Đã trả kết quả", What + " đã được trả kết quả." + Note),
        new("withdrawn", "Hồ sơ đã được rút", "Hồ sơ đã được rút", What + " đã được rút theo đề nghị của bạn."),
        new("withdrawal-requested", "Người nộp đề nghị rút hồ sơ", "Đã gửi đề nghị rút hồ sơ", "Đề nghị rút hồ sơ {{ ma_ho_so }} ({{ ten_thu_tuc }}) đã được gửi đến bộ phận một cửa."),
        new("suspended", "Tạm dừng giải quyết", "Hồ sơ tạm dừng giải quyết", What + " tạm dừng giải quyết." + Reason + Note),
        new("resumed", "Tiếp tục giải quyết", "Hồ sơ được giải quyết tiếp", What + " được tiếp tục giải quyết."),
        new("apology", "Thư xin lỗi và hẹn lại ngày trả", "Thư xin lỗi và hẹn lại ngày trả kết quả",
            "Cơ quan giải quyết xin lỗi vì hồ sơ {{ ma_ho_so }} ({{ ten_thu_tuc }}) chưa có kết quả đúng hẹn.{% if ngay_hen_moi != blank %} Ngày hẹn trả mới: {{ ngay_hen_moi }}.{% endif %}" + Note),
        new("payment-paid", "Đã nhận thanh toán phí, lệ phí", "Đã nhận thanh toán",
            "Đã nhận thanh toán {{ so_tien }} cho hồ sơ {{ ma_ho_so }}. Cảm ơn bạn."),
        new("payment-failed", "Thanh toán trực tuyến chưa thành công (bị từ chối hoặc quá thời gian)", "Thanh toán chưa thành công",
            "Thanh toán {{ so_tien }} cho hồ sơ {{ ma_ho_so }} chưa thành công. Hồ sơ vẫn chờ nộp phí, lệ phí; vui lòng thử lại tại {{ duong_dan_thanh_toan }} hoặc nộp tại bộ phận một cửa."),
        new("payment-refunded", "Hoàn trả phí, lệ phí", "Đã hoàn trả phí, lệ phí",
            "Đã hoàn trả {{ so_tien }} phí, lệ phí của hồ sơ {{ ma_ho_so }}." + Reason),
        new("unit-transferred", "Hồ sơ chuyển sang đơn vị kế thừa khi sắp xếp đơn vị hành chính", "Hồ sơ chuyển sang đơn vị mới",
            What + " được chuyển tiếp giải quyết tại đơn vị mới do sắp xếp đơn vị hành chính; ngày hẹn trả không thay đổi." + Note),
    ];

    private static readonly Dictionary<string, TemplateEntry> ByKey = Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);

    public static TemplateEntry? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The template an event is told with, or null when the applicant does not hear of it.</summary>
    public static string? KeyFor(ApplicationEventMessage e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (e.Action, e.ToStatus) switch
        {
            ("submit", ApplicationStatus.Submitted) when e.AmountDue is > 0 => "submitted-payment-due",
            ("submit", ApplicationStatus.Submitted) => "submitted",
            ("receive", ApplicationStatus.Received) => "received",
            ("refuse", _) => "not-accepted",
            ("request-supplement", _) => "supplement-requested",
            ("approve", ApplicationStatus.ResultReady) => "result-ready",
            ("reject", _) => "rejected",
            ("request-payment", _) => "payment-requested",
            ("return-result", _) => "returned",
            (_, ApplicationStatus.Withdrawn) => "withdrawn",
            ("withdraw", ApplicationStatus.WithdrawalRequested) => "withdrawal-requested",
            ("suspend", _) => "suspended",
            ("resume", _) => "resumed",
            ("apologize", _) => "apology",
            ("transfer-unit", _) => "unit-transferred",
            _ => null,
        };
    }

    /// <summary>The template an application or payment event is told with, or null when the applicant does not hear of it.</summary>
    public static string? KeyFor(ApplicantEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Payment is not null ? Find(e.Action)?.Key : e.Application is { } application ? KeyFor(application) : null;
    }

    /// <summary>The values of the variables for an application or payment event.</summary>
    public static Dictionary<string, object> Values(ApplicantEvent e, string link)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Application is { } application)
        {
            return Values(application, link);
        }

        var payment = e.Payment!;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["ma_ho_so"] = payment.Code,
            ["ten_thu_tuc"] = string.Empty,
            ["ngay_hen_tra"] = string.Empty,
            ["ngay_hen_moi"] = string.Empty,
            ["ghi_chu"] = string.Empty,
            ["giay_to_bo_sung"] = Array.Empty<string>(),
            ["duong_dan"] = link,
            ["ly_do"] = payment.Event == Payments.Public.PaymentEvents.Refunded ? payment.Reason ?? string.Empty : string.Empty,
            ["cach_nhan_ket_qua"] = string.Empty,
            ["so_tien"] = Money.Vnd(payment.Amount),
            ["duong_dan_thanh_toan"] = link + "/thanh-toan",
        };
    }

    /// <summary>The values of the variables for one event.</summary>
    public static Dictionary<string, object> Values(ApplicationEventMessage e, string link)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["ma_ho_so"] = e.Code,
            ["ten_thu_tuc"] = e.ProcedureName,
            ["ngay_hen_tra"] = Date(e.DueAt),
            ["ngay_hen_moi"] = Date(e.NewDueAt),
            ["ghi_chu"] = e.Note ?? string.Empty,
            ["giay_to_bo_sung"] = e.SupplementItems?.ToArray() ?? [],
            ["duong_dan"] = link,
            ["ly_do"] = e.Reason ?? string.Empty,
            ["cach_nhan_ket_qua"] = Collection(e.Channel),
            ["so_tien"] = e.AmountDue is > 0 and var amount ? Money.Vnd(amount) : string.Empty,
            ["duong_dan_thanh_toan"] = link + "/thanh-toan",
        };
    }

    /// <summary>How the result reaches the applicant, by the channel the application came in (national channel numbers).</summary>
    private static string Collection(int channel) => channel switch
    {
        2 => "Bạn tải kết quả trên trang hồ sơ, hoặc nhận bản giấy tại bộ phận một cửa nơi nộp hồ sơ",
        3 => "Kết quả được gửi qua bưu chính công ích theo địa chỉ bạn đăng ký, hoặc bạn nhận tại bộ phận một cửa nơi nộp hồ sơ",
        _ => "Bạn nhận kết quả tại bộ phận một cửa nơi nộp hồ sơ, nhớ mang theo giấy tiếp nhận và hẹn trả kết quả",
    };

    /// <summary>What the preview shows: an application as the admin would recognise one.</summary>
    public static Dictionary<string, object> Sample(string link) => new(StringComparer.Ordinal)
    {
        ["ma_ho_so"] = "000.01.00.H99-261201-0001",
        ["ten_thu_tuc"] = "Đăng ký khai sinh",
        ["ngay_hen_tra"] = "16:00 ngày 04/12/2026",
        ["ngay_hen_moi"] = "16:00 ngày 08/12/2026",
        ["ghi_chu"] = "Mang bản chính giấy chứng sinh khi nhận kết quả.",
        ["giay_to_bo_sung"] = new[] { "Giấy chứng sinh: bản chụp bị mờ", "Giấy xác nhận cư trú: chưa nộp" },
        ["duong_dan"] = link,
        ["ly_do"] = "Chưa có giấy chứng sinh theo quy định",
        ["cach_nhan_ket_qua"] = Collection(2),
        ["so_tien"] = "50.000 đồng",
        ["duong_dan_thanh_toan"] = link + "/thanh-toan",
    };

    private static string Date(DateTimeOffset? at) =>
        at is { } d ? d.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : string.Empty;
}
