using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Payments.Reconciliation;
using NodaTime.Text;

namespace MotCua.Web.Modules.Payments.Pages;

/// <summary>
/// "/can-bo/doi-soat-thanh-toan": a unit's payments on a day for the officers whose scope covers it — online payments
/// against what the gateway reports, differences marked by a word and a colour — and the fees its desk took, with the
/// same in Excel.
/// </summary>
[Authorize]
public sealed class ReconciliationPageModel(ReconciliationService reconciliation) : PageModel
{
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public ReconciliationReport? Report { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var report = await LoadAsync(cancellationToken);
        if (report.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (report.Failure is { } failure)
        {
            Error = failure.Fields.FirstOrDefault()?.Message ?? failure.Message;
        }
        else
        {
            Report = report.Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        var report = await LoadAsync(cancellationToken);
        if (report.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (report.Failure is { } failure)
        {
            Error = failure.Fields.FirstOrDefault()?.Message ?? failure.Message;
            return Page();
        }

        return File(ReconciliationExcel.Render(report.Value!), ReconciliationEndpoints.ExcelType, ReconciliationEndpoints.FileName(report.Value!));
    }

    /// <summary>The caller's units and the chosen unit's report (the officer's own unit and today when none is chosen).</summary>
    private async Task<Result<ReconciliationReport>> LoadAsync(CancellationToken cancellationToken)
    {
        Units = await reconciliation.UnitsAsync(User, cancellationToken);
        if (Units.Count == 0)
        {
            return Failure.NotFound("Chỉ cán bộ mới xem đối soát thanh toán.");
        }

        UnitId ??= Units.MinBy(u => u.Depth)!.Id;
        Date = string.IsNullOrWhiteSpace(Date) ? LocalDatePattern.Iso.Format(reconciliation.Today) : Date;
        return await reconciliation.ReportAsync(User, UnitId.Value, Date, cancellationToken);
    }
}
