using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Modules.Audit.Pages;

/// <summary>"/quan-tri/nhat-ky": the audit trail for the province admin, filtered by days, person and kind of change; read only.</summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class AuditPageModel(AuditQuery audit) : PageModel
{
    /// <summary>The kinds of change people filter by, by the prefix of their action.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Name)> Kinds =
    [
        ("officer", "Tài khoản cán bộ"), ("catalog", "Danh mục thủ tục"), ("unit", "Cây đơn vị"),
        ("calendar", "Lịch làm việc"), ("notification-template", "Mẫu thông báo"),
    ];

    public IReadOnlyList<AuditView> Entries { get; private set; } = [];

    public string? From { get; set; }
    public string? To { get; set; }
    public string? Actor { get; set; }
    public string? Kind { get; set; }

    public async Task OnGetAsync(string? tu, string? den, string? nguoi, string? loai, CancellationToken cancellationToken)
    {
        (From, To, Actor, Kind) = (tu, den, nguoi, loai);
        var from = Date(nameof(From), tu);
        var to = Date(nameof(To), den);
        if (!ModelState.IsValid)
        {
            return;
        }

        var found = await audit.RunAsync(from, to, nguoi, Kinds.Any(k => k.Prefix == loai) ? loai : null, cancellationToken);
        if (found.Failure is { } failure)
        {
            foreach (var field in failure.Fields)
            {
                ModelState.AddModelError(field.Field switch { "from" => nameof(From), "to" => nameof(To), _ => nameof(Actor) }, field.Message);
            }

            return;
        }

        Entries = found.Value!;
    }

    public static string KindName(string action) =>
        Kinds.FirstOrDefault(k => action.StartsWith(k.Prefix, StringComparison.Ordinal)).Name ?? action;

    private DateOnly? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, "Ngày không hợp lệ; chọn ngày theo dạng ngày/tháng/năm.");
        return null;
    }
}
