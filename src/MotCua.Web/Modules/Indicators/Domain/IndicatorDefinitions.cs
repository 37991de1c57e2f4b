namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>
/// One way of computing an indicator: a numerator and a denominator, each a countable set of <see cref="CountableSets"/>.
/// A province picks the variant it reports (configuration <c>Indicators:Variants:{id}</c>) without code.
/// </summary>
public sealed record IndicatorDefinition(string Id, string Name, string Variant, string Numerator, string Denominator, string Description);

/// <summary>The sets indicators count, by name: applications by channel, fee, timeliness, return; procedures by online level and fee.</summary>
public static class CountableSets
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["applications.received"] = "Hồ sơ tiếp nhận trong kỳ (mọi kênh)",
        ["applications.received.online"] = "Hồ sơ tiếp nhận trong kỳ nộp trực tuyến (từ xa hoặc được hỗ trợ)",
        ["applications.received.remote"] = "Hồ sơ tiếp nhận trong kỳ người nộp tự nộp trực tuyến",
        ["applications.received.counter"] = "Hồ sơ tiếp nhận trong kỳ nộp trực tiếp",
        ["applications.received.postal"] = "Hồ sơ tiếp nhận trong kỳ qua bưu chính công ích",
        ["applications.received.digitized"] = "Hồ sơ tiếp nhận trong kỳ có thành phần hồ sơ điện tử (nộp trực tuyến hoặc đã số hóa)",
        ["applications.received.population-data"] = "Hồ sơ tiếp nhận trong kỳ có giấy tờ lấy từ Cơ sở dữ liệu quốc gia về dân cư thay cho bản giấy",
        ["applications.national-portal.pushed"] = "Hồ sơ gửi trong kỳ phải đồng bộ lên Cổng Dịch vụ công quốc gia",
        ["applications.national-portal.synced"] = "Hồ sơ gửi trong kỳ đã đồng bộ lên Cổng Dịch vụ công quốc gia",
        ["applications.received.with-fee"] = "Hồ sơ tiếp nhận trong kỳ phải nộp phí, lệ phí",
        ["applications.received.paid-online"] = "Hồ sơ tiếp nhận trong kỳ đã thanh toán trực tuyến",
        ["applications.finished"] = "Hồ sơ giải quyết xong trong kỳ",
        ["applications.finished.timely"] = "Hồ sơ giải quyết xong trong kỳ trước hạn hoặc đúng hạn",
        ["applications.finished.late"] = "Hồ sơ giải quyết xong trong kỳ quá hạn",
        ["applications.returned"] = "Hồ sơ trả kết quả trong kỳ",
        ["applications.returned.postal"] = "Hồ sơ trả kết quả trong kỳ qua bưu chính công ích",
        ["applications.returned.full-online"] = "Hồ sơ nộp trực tuyến và trả kết quả trực tuyến trong kỳ (xử lý trực tuyến toàn trình)",
        ["procedures.handled"] = "Thủ tục đơn vị giải quyết",
        ["procedures.online"] = "Thủ tục cung cấp dịch vụ công trực tuyến (một phần hoặc toàn trình)",
        ["procedures.full-online"] = "Thủ tục cung cấp dịch vụ công trực tuyến toàn trình",
        ["procedures.online.with-online-application"] = "Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến trong kỳ",
        ["procedures.with-application"] = "Thủ tục có phát sinh hồ sơ trong kỳ",
        ["procedures.online.with-application"] = "Dịch vụ công trực tuyến có phát sinh hồ sơ trong kỳ",
        ["procedures.with-fee"] = "Thủ tục có thu phí, lệ phí",
        ["procedures.with-fee.payable-online"] = "Thủ tục có thu phí, lệ phí thanh toán trực tuyến được (đơn vị có tài khoản thu qua cổng thanh toán)",
        ["procedures.with-online-payment"] = "Thủ tục có ít nhất một hồ sơ thanh toán trực tuyến trong kỳ",
        ["procedures.with-postal"] = "Thủ tục có hồ sơ tiếp nhận hoặc trả kết quả qua bưu chính trong kỳ",
        ["procedures.complete"] = "Thủ tục công khai đủ các bộ phận (lĩnh vực, đối tượng, thời hạn, thành phần hồ sơ, quy trình, kết quả)",
        ["applications.returned.electronic"] = "Hồ sơ trả kết quả trong kỳ có kết quả điện tử",
        ["applications.returned.online-submitted"] = "Hồ sơ nộp trực tuyến được trả kết quả trong kỳ",
        ["applications.returned.electronic.online"] = "Hồ sơ nộp trực tuyến được trả kết quả điện tử trong kỳ",
        ["applications.full-online-eligible"] = "Hồ sơ tiếp nhận trong kỳ của các thủ tục cung cấp trực tuyến toàn trình",
        ["applications.full-online-eligible.online"] = "Hồ sơ nộp trực tuyến tiếp nhận trong kỳ của các thủ tục cung cấp trực tuyến toàn trình",
        ["applications.pending"] = "Hồ sơ đang giải quyết cuối kỳ",
        ["applications.pending.overdue"] = "Hồ sơ đang giải quyết cuối kỳ đã quá hạn",
        ["applications.processed"] = "Hồ sơ đã xử lý trong kỳ: giải quyết xong trong kỳ hoặc đang giải quyết cuối kỳ",
        ["applications.processed.timely"] = "Hồ sơ giải quyết xong trong kỳ trước hạn, đúng hạn hoặc đang giải quyết trong hạn cuối kỳ",
    };
}

/// <summary>The indicators of DESIGN.md §5 with their variants; the first variant of each is its default.</summary>
public static class IndicatorDefinitions
{
    public const string Default = "default";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("online-service-rate", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến", Default, "procedures.online", "procedures.handled",
            "Thủ tục cung cấp dịch vụ công trực tuyến (một phần hoặc toàn trình) trên tổng số thủ tục đơn vị giải quyết"),
        new("full-online-rate", "Tỷ lệ dịch vụ công trực tuyến toàn trình", Default, "procedures.full-online", "procedures.handled",
            "Thủ tục cung cấp trực tuyến toàn trình trên tổng số thủ tục đơn vị giải quyết"),
        new("full-online-rate", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "of-online", "procedures.full-online", "procedures.online",
            "Thủ tục cung cấp trực tuyến toàn trình trên số thủ tục cung cấp trực tuyến"),
        new("service-uptake-rate", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến", Default, "procedures.online.with-online-application", "procedures.online",
            "Dịch vụ công trực tuyến có ít nhất một hồ sơ trực tuyến trong kỳ trên tổng số dịch vụ công trực tuyến"),
        new("service-uptake-rate", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến", "with-application", "procedures.online.with-online-application", "procedures.online.with-application",
            "Dịch vụ công trực tuyến có hồ sơ trực tuyến trên số dịch vụ công trực tuyến có phát sinh hồ sơ trong kỳ"),
        new("online-application-rate", "Tỷ lệ hồ sơ trực tuyến", Default, "applications.received.online", "applications.received",
            "Hồ sơ nộp trực tuyến (từ xa hoặc được hỗ trợ) trên tổng số hồ sơ tiếp nhận trong kỳ"),
        new("online-application-rate", "Tỷ lệ hồ sơ trực tuyến", "remote", "applications.received.remote", "applications.received",
            "Hồ sơ người nộp tự nộp trực tuyến trên tổng số hồ sơ tiếp nhận trong kỳ"),
        new("online-processing-rate", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", Default, "applications.returned.full-online", "applications.returned",
            "Hồ sơ nộp trực tuyến và trả kết quả trực tuyến trên tổng số hồ sơ trả kết quả trong kỳ"),
        new("online-payment-rate", "Tỷ lệ thanh toán trực tuyến", Default, "applications.received.paid-online", "applications.received.with-fee",
            "Hồ sơ đã thanh toán trực tuyến trên số hồ sơ phải nộp phí, lệ phí tiếp nhận trong kỳ"),
        new("online-payment-rate", "Tỷ lệ thanh toán trực tuyến", "procedures-payable", "procedures.with-fee.payable-online", "procedures.with-fee",
            "Thủ tục có thu phí, lệ phí thanh toán trực tuyến được trên số thủ tục có thu phí, lệ phí"),
        new("online-payment-rate", "Tỷ lệ thanh toán trực tuyến", "procedures-paid", "procedures.with-online-payment", "procedures.with-fee",
            "Thủ tục có ít nhất một hồ sơ thanh toán trực tuyến trên số thủ tục có thu phí, lệ phí"),
        new("postal-rate", "Tỷ lệ hồ sơ qua bưu chính công ích", Default, "applications.received.postal", "applications.received",
            "Hồ sơ tiếp nhận qua bưu chính công ích trên tổng số hồ sơ tiếp nhận trong kỳ"),
        new("postal-rate", "Tỷ lệ hồ sơ qua bưu chính công ích", "returns", "applications.returned.postal", "applications.returned",
            "Kết quả trả qua bưu chính công ích trên tổng số kết quả trả trong kỳ"),
        new("postal-rate", "Tỷ lệ hồ sơ qua bưu chính công ích", "procedures", "procedures.with-postal", "procedures.handled",
            "Thủ tục có hồ sơ tiếp nhận hoặc trả kết quả qua bưu chính trên tổng số thủ tục đơn vị giải quyết"),
        new("on-time-rate", "Tỷ lệ hồ sơ giải quyết đúng hạn", Default, "applications.finished.timely", "applications.finished",
            "Hồ sơ giải quyết trước hạn hoặc đúng hạn trên tổng số hồ sơ giải quyết xong trong kỳ"),
        new("digitization-rate", "Tỷ lệ hồ sơ số hóa", Default, "applications.received.digitized", "applications.received",
            "Hồ sơ có thành phần hồ sơ điện tử (nộp trực tuyến hoặc đã số hóa khi tiếp nhận) trên tổng số hồ sơ tiếp nhận trong kỳ"),
    ];

    /// <summary>The ids, in the order the reports list them.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(d => d.Id).Distinct().ToList();

    /// <summary>The variant of <paramref name="id"/> named <paramref name="variant"/> (null or "default": its default); null when there is none.</summary>
    public static IndicatorDefinition? Find(string id, string? variant) =>
        All.FirstOrDefault(d => d.Id == id && d.Variant == (string.IsNullOrEmpty(variant) ? Default : variant));
}
