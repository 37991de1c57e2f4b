using MotCua.Web.Modules.Applications.Slips;

namespace MotCua.UnitTests.Modules.Applications.Slips;

/// <summary>Realistic slip data for a birth registration at a ward's one-stop desk.</summary>
internal static class SlipSamples
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 24, 9, 5, 0, Vietnam);
    public static readonly DateTimeOffset DueAt = new(2026, 11, 27, 16, 30, 0, Vietnam);
    public static readonly DateTimeOffset NewDueAt = new(2026, 12, 2, 10, 0, 0, Vietnam);

    public const string Code = "000.00.04.H41-261124-0007";
    public const string Applicant = "Nguyễn Văn An";
    public const string TrackingUrl = "https://motcua.anbinh.gov.vn/tra-cuu/000.00.04.H41-261124-0007";

    public static SlipData Birth(SlipKind kind) => new()
    {
        ParentUnitName = "UBND TỈNH AN BÌNH",
        UnitName = "UBND PHƯỜNG AN PHÚ",
        UnitAddress = "Số 12 đường Lê Lợi, phường An Phú, tỉnh An Bình",
        UnitPhone = "0263 3822 123",
        PlaceName = "An Phú",
        IssuedAt = kind switch
        {
            SlipKind.Apology => new DateTimeOffset(2026, 11, 26, 15, 0, 0, Vietnam),
            SlipKind.StopNotice => new DateTimeOffset(2026, 11, 25, 10, 0, 0, Vietnam),
            _ => ReceivedAt,
        },
        ApplicationCode = Code,
        ApplicantName = Applicant,
        ApplicantAddress = "Tổ 5, khu phố Hòa Bình, phường An Phú, tỉnh An Bình",
        ApplicantPhone = "0912 345 678",
        ApplicantEmail = "nguyenvanan@example.vn",
        ProcedureName = "Đăng ký khai sinh",
        ProcedureCode = "1.001193",
        TrackingUrl = TrackingUrl,
        Documents =
        [
            new("Tờ khai đăng ký khai sinh theo mẫu", 1, 0),
            new("Giấy chứng sinh", 1, 0),
            new("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1),
        ],
        Sets = 1,
        TimeLimit = "03 ngày làm việc",
        ReceivedAt = ReceivedAt,
        DueAt = DueAt,
        ResultCollection = "Bộ phận một cửa UBND phường An Phú",
        ReceivingOfficer = "Trần Thị Bích Ngọc",
        SupplementItems =
        [
            new("Giấy chứng sinh (bản chính)", "Hồ sơ chỉ có bản chụp; khoản 1 Điều 16 Luật Hộ tịch 2014 yêu cầu nộp Giấy chứng sinh."),
            new("Văn bản ủy quyền có chứng thực", "Người nộp không phải cha, mẹ của trẻ; Điều 2 Thông tư 04/2020/TT-BTP."),
        ],
        ContactOfficer = "Lê Văn Hùng",
        ContactPhone = "0263 3822 456",
        RefusalReason = "Trẻ đã được đăng ký khai sinh tại UBND xã Tân Lập ngày 02/10/2026; không đăng ký khai sinh lần thứ hai.",
        RefusalLegalBasis = "Điều 13 Luật Hộ tịch 2014",
        OriginalDueAt = DueAt,
        NewDueAt = NewDueAt,
        DelayReason = "Cần xác minh thông tin nơi cư trú của người mẹ với Công an phường.",
        StopReason = "Người nộp hồ sơ có văn bản đề nghị dừng giải quyết ngày 25/11/2026.",
        StopLegalBasis = "Nghị định 118/2025/NĐ-CP",
        SignerTitle = "Chủ tịch",
        SignerName = "Phạm Quốc Dũng",
        LeadUnit = "Công chức Tư pháp - Hộ tịch, UBND phường An Phú",
        CoordinatingUnits = ["Công an phường An Phú"],
        HandOffs =
        [
            new("Bộ phận một cửa", "Trần Thị Bích Ngọc", "Tư pháp - Hộ tịch", "Lê Văn Hùng",
                new DateTimeOffset(2026, 11, 24, 9, 30, 0, Vietnam), new DateTimeOffset(2026, 11, 24, 17, 0, 0, Vietnam), "Trước hạn", null),
            new("Tư pháp - Hộ tịch", "Lê Văn Hùng", "Lãnh đạo UBND phường", "Phạm Quốc Dũng",
                new DateTimeOffset(2026, 11, 26, 14, 0, 0, Vietnam), new DateTimeOffset(2026, 11, 26, 11, 0, 0, Vietnam), "Quá hạn", "Chờ xác minh"),
            new("Lãnh đạo UBND phường", "Phạm Quốc Dũng", "Bộ phận một cửa", "Trần Thị Bích Ngọc",
                new DateTimeOffset(2026, 11, 27, 8, 15, 0, Vietnam), new DateTimeOffset(2026, 11, 27, 8, 15, 0, Vietnam), "Đúng hạn", null),
        ],
    };

    public static IReadOnlyList<TrackingBookRow> Book(int count) =>
        Enumerable.Range(1, count)
            .Select(n => new TrackingBookRow(
                n,
                $"000.00.04.H41-261124-{n:0000}",
                n % 2 == 0 ? "Đăng ký kết hôn" : "Đăng ký khai sinh",
                1,
                n == 1 ? Applicant : $"Trần Thị Hoa {n}",
                "Tổ 5, phường An Phú; 0912 345 678",
                "Tư pháp - Hộ tịch",
                ReceivedAt.AddMinutes(n),
                DueAt,
                ReceivedAt.AddHours(1),
                n == 1 ? DueAt.AddHours(-2) : null,
                n == 1 ? DueAt : null,
                n == 1 ? "Trả tại quầy" : null))
            .ToList();
}
