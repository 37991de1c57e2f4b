namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>
/// One indicator of the Decision 766/QĐ-TTg index: its points, its target ratio in percent, and the countable sets it
/// divides. An indicator whose data the system does not hold yet has no sets and says why in <see cref="Unmeasured"/>:
/// it earns nothing and is left out of the points the unit could earn, so the grade is not dragged down by what no one
/// can measure.
/// </summary>
public sealed record Index766Indicator(string Id, string Name, decimal Points, decimal Target, string? Numerator, string? Denominator, string? Unmeasured = null, string? Note = null)
{
    public bool Measured => Numerator is not null && Denominator is not null;
}

/// <summary>A group of the index (transparency, processing progress, …) with its share of the 100 points.</summary>
public sealed record Index766Group(string Id, string Name, decimal Points, IReadOnlyList<Index766Indicator> Indicators);

/// <summary>A grade of the index and the score (out of 100) from which it is given.</summary>
public sealed class Index766Grade
{
    public string Name { get; set; } = string.Empty;

    public decimal Minimum { get; set; }
}

/// <summary>
/// The Decision 766 index as ../shared/reference/legal.md sets it out: six groups, 100 points, full points when a ratio
/// reaches its target and otherwise ratio × points ÷ target.
/// </summary>
public static class Index766
{
    /// <summary>The groups and indicators, in the order the index lists them.</summary>
    public static readonly IReadOnlyList<Index766Group> Groups =
    [
        new("transparency", "Công khai, minh bạch", 18,
        [
            new("published-on-time", "Thủ tục hành chính được công bố, công khai đúng hạn", 6, 100, null, null,
                "Chưa có số liệu: hệ thống chưa lưu ngày ban hành quyết định công bố thủ tục."),
            new("national-database-on-time", "Thủ tục được công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính đúng hạn", 4, 100, null, null,
                "Chưa có số liệu: cần kết nối Cơ sở dữ liệu quốc gia về thủ tục hành chính."),
            new("components-published", "Thủ tục được công khai đầy đủ các bộ phận", 2, 100, "procedures.complete", "procedures.handled",
                Note: "Đủ các bộ phận: lĩnh vực, đối tượng, thời hạn giải quyết, thành phần hồ sơ, quy trình và kết quả."),
            new("synced-to-national-portal", "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", 6, 100, "applications.national-portal.synced", "applications.national-portal.pushed",
                "Chưa có số liệu: chưa kết nối Cổng Dịch vụ công quốc gia.",
                "Hồ sơ gửi trong kỳ mà Cổng Dịch vụ công quốc gia đã có đúng trạng thái hiện tại (đối soát đồng bộ)."),
        ]),
        new("progress", "Tiến độ giải quyết", 20,
        [
            new("timely-or-within-time", "Hồ sơ giải quyết trước hạn, đúng hạn hoặc đang giải quyết trong hạn", 20, 100, "applications.processed.timely", "applications.processed",
                Note: "Hồ sơ giải quyết xong trong kỳ cùng hồ sơ còn đang giải quyết cuối kỳ."),
        ]),
        new("online", "Cung cấp dịch vụ trực tuyến", 12,
        [
            new("full-online-applications", "Hồ sơ trực tuyến của các thủ tục cung cấp trực tuyến toàn trình", 12, 100,
                "applications.full-online-eligible.online", "applications.full-online-eligible"),
            new("procedures-online", "Thủ tục cung cấp dịch vụ công trực tuyến", 0, 80, "procedures.online", "procedures.handled",
                Note: "Theo dõi, không tính điểm; mục tiêu 80 %."),
            new("online-electronic-results", "Hồ sơ trực tuyến được trả kết quả điện tử", 0, 50, "applications.returned.electronic.online", "applications.returned.online-submitted",
                Note: "Theo dõi, không tính điểm; mục tiêu 50 %."),
        ]),
        new("payment", "Thanh toán trực tuyến", 10,
        [
            new("procedures-payable-online", "Thủ tục có thu phí, lệ phí thanh toán trực tuyến được", 2, 100, "procedures.with-fee.payable-online", "procedures.with-fee"),
            new("procedures-paid-online", "Thủ tục có ít nhất một hồ sơ thanh toán trực tuyến", 2, 100, "procedures.with-online-payment", "procedures.with-fee"),
            new("applications-paid-online", "Hồ sơ thanh toán trực tuyến trên số hồ sơ phải nộp phí, lệ phí", 6, 100, "applications.received.paid-online", "applications.received.with-fee"),
        ]),
        new("digitization", "Số hóa hồ sơ, kết quả", 22,
        [
            new("electronic-results", "Hồ sơ được cấp kết quả điện tử", 6, 100, "applications.returned.electronic", "applications.returned"),
            new("inputs-digitized", "Hồ sơ được số hóa thành phần hồ sơ khi tiếp nhận", 4, 80, "applications.received.digitized", "applications.received"),
            new("certified-copies", "Hồ sơ có bản sao điện tử được chứng thực", 2, 100, null, null,
                "Chưa có số liệu: hệ thống chưa có chứng thực bản sao điện tử."),
            new("reuse", "Tái sử dụng dữ liệu đã số hóa", 2, 80, null, null,
                "Chưa có số liệu: hệ thống chưa ghi nhận việc tái sử dụng dữ liệu đã số hóa."),
            new("personal-data-store", "Kết quả được chia sẻ vào kho dữ liệu cá nhân", 4, 100, null, null,
                "Chưa có số liệu: chưa kết nối kho dữ liệu của công dân trên Cổng Dịch vụ công quốc gia."),
            new("population-database", "Hồ sơ khai thác Cơ sở dữ liệu quốc gia về dân cư", 2, 100, "applications.received.population-data", "applications.received",
                Note: "Hồ sơ của người nộp đã xác thực định danh điện tử có giấy tờ lấy từ Cơ sở dữ liệu quốc gia về dân cư."),
            new("population-database-procedures", "Thủ tục kết nối Cơ sở dữ liệu quốc gia về dân cư", 2, 100, null, null,
                "Chưa có số liệu: chưa kết nối Cơ sở dữ liệu quốc gia về dân cư."),
        ]),
        new("satisfaction", "Mức độ hài lòng", 18,
        [
            new("feedback-on-time", "Phản ánh, kiến nghị được xử lý đúng hạn", 6, 100, null, null,
                "Chưa có số liệu: hệ thống chưa có sổ tiếp nhận phản ánh, kiến nghị."),
            new("feedback-satisfaction", "Hài lòng với việc xử lý phản ánh, kiến nghị", 6, 100, null, null,
                "Chưa có số liệu: hệ thống chưa có sổ tiếp nhận phản ánh, kiến nghị."),
            new("processing-satisfaction", "Hài lòng với việc giải quyết thủ tục (100 % trừ tỷ lệ hồ sơ trễ hạn)", 6, 90, "applications.finished.timely", "applications.finished",
                Note: "Chưa trừ tỷ lệ phản ánh, kiến nghị vì hệ thống chưa có sổ phản ánh."),
        ]),
    ];

    /// <summary>The grades of the index, from the highest: Xuất sắc from 90 points, Tốt from 80, Khá from 70, Trung bình from 50, Yếu below.</summary>
    public static IReadOnlyList<Index766Grade> DefaultGrades { get; } =
    [
        new() { Name = "Xuất sắc", Minimum = 90 },
        new() { Name = "Tốt", Minimum = 80 },
        new() { Name = "Khá", Minimum = 70 },
        new() { Name = "Trung bình", Minimum = 50 },
        new() { Name = "Yếu", Minimum = 0 },
    ];

    public static IEnumerable<Index766Indicator> Indicators => Groups.SelectMany(g => g.Indicators);

    /// <summary>The ratio in percent (two decimals); null when nothing is counted under it.</summary>
    public static decimal? Ratio(long numerator, long denominator) =>
        denominator <= 0 ? null : Math.Round(numerator * 100m / denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The points a ratio earns: all of them once it reaches the target, otherwise ratio × points ÷ target (two decimals).
    /// Null when nothing is counted under it (no procedure with a fee, no application finished): there is nothing to
    /// judge, and the indicator is left out of the points the unit could earn.
    /// </summary>
    public static decimal? Points(Index766Indicator indicator, decimal? ratio)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (ratio is not decimal r)
        {
            return null;
        }

        return indicator.Target <= 0 || r >= indicator.Target
            ? indicator.Points
            : Math.Round(Math.Max(0, r) * indicator.Points / indicator.Target, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The score on 100 points: what was earned over what could be measured.</summary>
    public static decimal Score(decimal earned, decimal measurable) =>
        measurable <= 0 ? 0 : Math.Round(earned * 100m / measurable, 2, MidpointRounding.AwayFromZero);

    /// <summary>The grade of a score: the first whose minimum it reaches, from the highest; the lowest otherwise.</summary>
    public static string Grade(decimal score, IReadOnlyList<Index766Grade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var ordered = grades.OrderByDescending(g => g.Minimum).ToList();
        return (ordered.FirstOrDefault(g => score >= g.Minimum) ?? ordered[^1]).Name;
    }
}
