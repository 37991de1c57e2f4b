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
public sealed class IndicatorDashboardModel(IndicatorReport report, Exports.ExportJobs exports, TargetGaps gaps, CatalogDirectory catalog, Microsoft.Extensions.Options.IOptions<IndicatorOptions> options, NodaTime.IClock clock) : PageModel
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

    /// <summary>When the oldest figures shown were computed, and how often they are computed again; null when every view sums the counters.</summary>
    public NodaTime.Instant? FiguresAt { get; private set; }

    public int FiguresCacheSeconds { get; private set; }

    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? Period { get; set; }

    /// <summary>The indicator the trend chart draws (one of <see cref="Compared"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "trend")] public string? TrendOf { get; set; }

    /// <summary>The twelve reporting months up to the period's last, each with its indicators.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];

    /// <summary>The reporting periods offered: the last three months, the last two quarters and years, by the province's cut-off day.</summary>
    public IReadOnlyList<(string Name, string Format, int A, int B)> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await report.ScopeAsync(User, cancellationToken) is not { } scope)
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
        var (first, last) = (LocalDatePattern.Iso.Parse(Sheet.From).Value, LocalDatePattern.Iso.Parse(Sheet.To).Value);
        var unit = Units.Single(u => u.Id == Sheet.UnitId);
        AtRisk = await gaps.AtRiskAsync(unit, cancellationToken);
        var found = new List<TargetGap>();
        foreach (var v in Sheet.Indicators.Where(v => v.Level is not null and not "green"))
        {
            found.Add(await gaps.GapAsync(unit, Sheet, v.Id, AtRisk, cancellationToken));
        }

        Gaps = found;
        TrendOf = Compared.Contains(TrendOf) ? TrendOf : Compared[0];
        Trend = await report.TrendAsync(unit, last, 12, cancellationToken, Compared);
        var (below, ranking) = await report.BelowAsync(unit, first, last, cancellationToken, Compared);
        var places = ranking.ToDictionary(r => r.UnitId);
        (FiguresAt, FiguresCacheSeconds) = options.Value.FiguresCacheSeconds > 0 ? (report.FiguresAt, options.Value.FiguresCacheSeconds) : (null, 0);
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

        return File(workbook.Value.Content, workbook.Value.ContentType, workbook.Value.FileName);
    }

    /// <summary>The report of the unit and every unit below it made in the background (long for a whole province).</summary>
    public async Task<IActionResult> OnPostExportAsync(string? format, CancellationToken cancellationToken)
    {
        var created = await exports.CreateAsync(User, new Exports.ExportRequest(Exports.ExportJobs.IndicatorsKind, format, UnitId, From, To, Period), cancellationToken);
        if (created.Failure is not null)
        {
            return await OnGetAsync(cancellationToken);
        }

        return Redirect(Exports.ExportJobs.PageUrl(created.Value!.Id));
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        var pdf = await report.PdfAsync(User, UnitId, From, To, cancellationToken);
        if (pdf.Failure is not null)
        {
            return await OnGetAsync(cancellationToken);
        }

        return File(pdf.Value.Content, pdf.Value.ContentType, pdf.Value.FileName);
    }

    /// <summary>Where the numerator (or denominator) of a figure opens to its applications; null when it counts procedures.</summary>
    public string? Opens(IndicatorValue value, bool numerator)
    {
        ArgumentNullException.ThrowIfNull(value);
        var definition = Domain.IndicatorDefinitions.Find(value.Id, value.Variant);
        var set = numerator ? definition?.Numerator : definition?.Denominator;
        return set is not null && IndicatorDrillDown.Opens(set) && Sheet is { } s
            ? $"/can-bo/chi-so/ho-so?unit={s.UnitId}&from={s.From}&to={s.To}&set={Uri.EscapeDataString(set)}"
            : null;
    }

    public FigureFilterView Filter(string button) => new(Units, UnitId, Period, From, To, Periods, Errors, button);
}
