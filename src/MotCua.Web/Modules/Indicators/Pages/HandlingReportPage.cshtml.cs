using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>
/// "/can-bo/bao-cao-giai-quyet": the handling report (form 06a style) of a unit's sub-tree for a period, per field,
/// with its Excel and PDF downloads.
/// </summary>
[Authorize]
public sealed class HandlingReportPageModel(HandlingReport report, IndicatorReport indicators, CatalogDirectory catalog, Exports.ExportJobs exports,
    Microsoft.Extensions.Options.IOptions<IndicatorOptions> options, NodaTime.IClock clock) : PageModel
{
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public HandlingSheet? Sheet { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IReadOnlyList<(string Name, string Format, int A, int B)> Periods { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? Period { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await indicators.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return NotFound();
        }

        Units = await catalog.SubtreeAsync(scope, cancellationToken);
        Periods = FigureFilterView.OfferedPeriods(options.Value.CutOffDay, clock);
        var sheet = await report.SheetAsync(User, UnitId, From, To, cancellationToken, Period);
        if (sheet.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (sheet.Failure is { } failure)
        {
            Errors = failure.Fields;
            return Page();
        }

        Sheet = sheet.Value!;
        (UnitId, From, To) = (Sheet.UnitId, Sheet.From, Sheet.To);
        return Page();
    }

    /// <summary>The same report made in the background: a job queued, then its page with the progress.</summary>
    public async Task<IActionResult> OnPostExportAsync(string? format, CancellationToken cancellationToken)
    {
        var created = await exports.CreateAsync(User, new Exports.ExportRequest(Exports.ExportJobs.HandlingKind, format, UnitId, From, To, Period), cancellationToken);
        if (created.Failure is not null)
        {
            return await OnGetAsync(cancellationToken);
        }

        return Redirect(Exports.ExportJobs.PageUrl(created.Value!.Id));
    }

    public Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken) => FileAsync(HandlingDocuments.Xlsx, cancellationToken);

    public Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) => FileAsync(HandlingDocuments.Pdf, cancellationToken);

    private async Task<IActionResult> FileAsync(string format, CancellationToken cancellationToken)
    {
        var sheet = await report.SheetAsync(User, UnitId, From, To, cancellationToken, Period);
        if (sheet.Failure is not null)
        {
            return await OnGetAsync(cancellationToken);
        }

        var (content, contentType, fileName) = await report.RenderAsync(sheet.Value!, format, clock.GetCurrentInstant(), cancellationToken);
        return File(content, contentType, fileName);
    }

    public FigureFilterView Filter(string button) => new(Units, UnitId, Period, From, To, Periods, Errors, button);
}
