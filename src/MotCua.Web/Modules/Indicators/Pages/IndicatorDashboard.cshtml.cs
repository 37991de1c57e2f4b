using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>A unit below the chosen one, with its indicators, as a row of the dashboard.</summary>
public sealed record UnitIndicators(UnitCard Unit, IReadOnlyDictionary<string, IndicatorValue> Values, Domain.RankedUnit Place);

/// <summary>
/// "/can-bo/chi-so": the indicators of a unit and its sub-tree for a period, each against its target in colour (the
/// colour is always said in words too), and the same for each unit directly below it, ranked by its targets met, to open
/// further down.
/// </summary>
[Authorize]
public sealed class IndicatorDashboardModel(IndicatorReport report, TargetGaps gaps, CatalogDirectory catalog) : PageModel
{
    /// <summary>The indicators the table of units below compares (the directives' four, and digitization).</summary>
    public static readonly string[] Compared = ["online-application-rate", "on-time-rate", "online-payment-rate", "postal-rate", "digitization-rate"];

    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public IndicatorSheet? Sheet { get; private set; }
    public IReadOnlyList<UnitIndicators> Below { get; private set; } = [];

    /// <summary>For each target not yet met: what closes the gap.</summary>
    public IReadOnlyList<TargetGap> Gaps { get; private set; } = [];

    /// <summary>Applications due within a working day and not yet at their last step.</summary>
    public IReadOnlyList<Applications.Public.AtRiskApplication> AtRisk { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await report.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return NotFound();
        }

        Units = await catalog.SubtreeAsync(scope, cancellationToken);
        var sheet = await report.SheetAsync(User, UnitId, From, To, cancellationToken);
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
        var (first, last) = (LocalDatePattern.Iso.Parse(Sheet.From).Value, LocalDatePattern.Iso.Parse(Sheet.To).Value);
        var found = new List<TargetGap>();
        foreach (var v in Sheet.Indicators.Where(v => v.Level is not null and not "green"))
        {
            if ((await gaps.GapAsync(User, Sheet.UnitId, v.Id, Sheet.From, Sheet.To, cancellationToken)).Value is { } gap)
            {
                found.Add(gap);
                AtRisk = gap.AtRisk;
            }
        }

        Gaps = found;
        if (found.Count == 0 && (await gaps.GapAsync(User, Sheet.UnitId, Sheet.Indicators[0].Id, Sheet.From, Sheet.To, cancellationToken)).Value is { } any)
        {
            AtRisk = any.AtRisk;
        }

        var unit = Units.Single(u => u.Id == Sheet.UnitId);
        var (below, ranking) = await report.BelowAsync(unit, first, last, cancellationToken);
        var places = ranking.ToDictionary(r => r.UnitId);
        Below = [.. below.Select(b => new UnitIndicators(b.Unit, b.Values.ToDictionary(v => v.Id, StringComparer.Ordinal), places[b.Unit.Id]))
            .OrderBy(b => b.Place.Rank).ThenBy(b => b.Unit.Name, StringComparer.Ordinal)];
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        var workbook = await report.WorkbookAsync(User, UnitId, From, To, cancellationToken);
        if (workbook.Failure is not null)
        {
            return await OnGetAsync(cancellationToken);
        }

        return File(workbook.Value.Workbook, IndicatorExcel.ContentType, workbook.Value.FileName);
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
