using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Catalog.Versions;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/danh-muc/{code}/quy-trinh": the procedure's internal steps in order, each with its role, the unit that does
/// it (for inter-unit transfer) and its share of the time limit. Checked before it is saved (shares add up to 100 %, the
/// last step is a leader's approval, every unit exists and works), and saved as a new version from a date.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class WorkflowEditPageModel(CatalogVersions versions, CatalogImport import, CatalogDirectory directory, AccountDirectory accounts) : PageModel
{
    public sealed class StepInput
    {
        public string? Name { get; set; }
        public StepRole Role { get; set; }
        public string? Unit { get; set; }
        public string? Share { get; set; }
    }

    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public Latest? Shown { get; private set; }
    public DateOnly Today => versions.Today;

    [BindProperty] public List<StepInput> Steps { get; set; } = [];
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Steps = (Shown!.Record.Workflow ?? []).Select(s => new StepInput
        {
            Name = s.Name, Role = s.Role, Unit = s.Unit, Share = (s.Share * 100).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")),
        }).ToList();
        EffectiveFrom = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var steps = new List<StepRecord>();
        for (var i = 0; i < Steps.Count; i++)
        {
            var s = Steps[i];
            if (string.IsNullOrWhiteSpace(s.Name) && string.IsNullOrWhiteSpace(s.Share))
            {
                continue;
            }

            var key = $"Steps[{i}]";
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                ModelState.AddModelError($"{key}.Name", $"Nhập tên bước {i + 1}.");
            }
            else if (TextRules.Problem(s.Name, 200) is { } nameProblem)
            {
                ModelState.AddModelError($"{key}.Name", nameProblem);
            }

            if (!decimal.TryParse(s.Share?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent is <= 0 or > 100)
            {
                ModelState.AddModelError($"{key}.Share", $"Tỷ lệ thời gian của bước {i + 1} là số phần trăm lớn hơn 0 và không quá 100, ví dụ 60.");
            }

            var unit = string.IsNullOrWhiteSpace(s.Unit) ? null : s.Unit.Trim();
            if (unit is not null && !Units.Any(u => u.Code == unit))
            {
                ModelState.AddModelError($"{key}.Unit", $"Đơn vị của bước {i + 1} không có trong cây đơn vị hoặc đã sáp nhập, giải thể.");
            }

            steps.Add(new StepRecord(s.Name?.Trim() ?? string.Empty, s.Role, unit, Math.Round(percent / 100m, 4)));
        }

        if (steps.Count == 0 && Shown!.Record.Units.Count > 0)
        {
            ModelState.AddModelError(string.Empty, "Thủ tục có cơ quan thực hiện phải có ít nhất một bước xử lý.");
        }
        else if (steps.Count > 0 && ModelState.IsValid)
        {
            var total = steps.Sum(s => s.Share);
            if (Math.Abs(total - 1m) > 0.001m)
            {
                ModelState.AddModelError(string.Empty, $"Tổng tỷ lệ thời gian các bước phải bằng 100% (hiện là {(total * 100).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))}%).");
            }

            if (steps[^1].Role != StepRole.Leader)
            {
                ModelState.AddModelError($"Steps[{Steps.FindLastIndex(x => !string.IsNullOrWhiteSpace(x.Name))}].Role", "Bước cuối phải là lãnh đạo phê duyệt kết quả.");
            }
        }

        DateOnly? effective = null;
        if (!DateOnly.TryParseExact(EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date < Today)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "Nhập ngày áp dụng từ hôm nay trở đi.");
        }
        else
        {
            effective = date;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var record = Shown!.Record with { Workflow = steps, EffectiveFrom = effective, ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim() };
        var (saved, problem) = await import.SaveEditAsync(record, accounts.UserId(User), User.Identity?.Name ?? "?", "Quy trình không thay đổi so với phiên bản hiện tại.", cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        return Redirect($"{CatalogAdminPageModel.Path}/{Uri.EscapeDataString(code)}?luu={saved:dd/MM/yyyy}");
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await versions.StartingPointAsync(code, cancellationToken) is not { } start)
        {
            return false;
        }

        (Code, Name, Shown) = (code, start.Name, start.Latest);
        Units = (await directory.AllUnitsAsync(cancellationToken)).Where(u => !u.Ended).ToList();
        return true;
    }
}
