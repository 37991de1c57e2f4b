using System.Diagnostics.CodeAnalysis;

namespace MotCua.Web.Modules.Applications.Slips;

/// <summary>The one-stop's slips, forms 01 to 06 of Circular 03/2025/TT-VPCP, annex I.</summary>
public enum SlipKind
{
    /// <summary>Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</summary>
    Receipt,

    /// <summary>Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
    SupplementRequest,

    /// <summary>Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
    Refusal,

    /// <summary>Form 04: Văn bản xin lỗi và hẹn lại ngày trả kết quả.</summary>
    Apology,

    /// <summary>Form 05: Thông báo về việc dừng giải quyết hồ sơ.</summary>
    StopNotice,

    /// <summary>Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ.</summary>
    ProcessingControl,
}

/// <summary>Form numbers and URL slugs of <see cref="SlipKind"/>.</summary>
public static class SlipKinds
{
    private static readonly (SlipKind Kind, string Form, string Slug, string Title)[] Table =
    [
        (SlipKind.Receipt, "01", "receipt", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        (SlipKind.SupplementRequest, "02", "supplement-request", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        (SlipKind.Refusal, "03", "refusal", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        (SlipKind.Apology, "04", "apology", "Văn bản xin lỗi và hẹn lại ngày trả kết quả"),
        (SlipKind.StopNotice, "05", "stop-notice", "Thông báo về việc dừng giải quyết hồ sơ"),
        (SlipKind.ProcessingControl, "06", "processing-control", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    ];

    /// <summary>Every kind, in form order.</summary>
    public static IReadOnlyList<SlipKind> All { get; } = Table.Select(row => row.Kind).ToArray();

    /// <summary>"01" … "06": the form's number in Circular 03/2025, annex I.</summary>
    public static string FormNumber(this SlipKind kind) => Row(kind).Form;

    /// <summary>The URL slug: "receipt", "supplement-request", "refusal", "apology", "stop-notice", "processing-control".</summary>
    public static string ToSlug(this SlipKind kind) => Row(kind).Slug;

    /// <summary>Reads a slug (case-insensitive); false for anything else, including enum names and numbers.</summary>
    public static bool TryParseSlug([NotNullWhen(true)] string? slug, out SlipKind kind)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Reads a slug, or throws <see cref="FormatException"/>.</summary>
    public static SlipKind ParseSlug(string slug) =>
        TryParseSlug(slug, out var kind) ? kind : throw new FormatException($"Unknown slip kind '{slug}'.");

    /// <summary>The form's name in Vietnamese, sentence case.</summary>
    public static string Title(this SlipKind kind) => Row(kind).Title;

    private static (SlipKind Kind, string Form, string Slug, string Title) Row(SlipKind kind) =>
        Table.FirstOrDefault(row => row.Kind == kind) is { Form: not null } row
            ? row
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown slip kind.");
}
