using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>
/// "/can-bo/chi-so-766": the Decision 766 index of a unit's sub-tree for a period, group by group, each figure opening
/// down to its applications, and the units directly below by score.
/// </summary>
[Authorize]
public sealed class Index766PageModel(Index766Report index, IndicatorReport report, CatalogDirectory catalog, IOptions<IndicatorOptions> options, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? Period { get; set; }

    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public Index766Sheet? Sheet { get; private set; }
    public IReadOnlyList<Index766Sheet> Below { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await report.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return NotFound();
        }

        Units = await catalog.SubtreeAsync(scope, cancellationToken);
        var sheet = await index.SheetAsync(User, UnitId, From, To, Period, cancellationToken);
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
        Below = await index.BelowAsync(Units.Single(u => u.Id == Sheet.UnitId), LocalDatePattern.Iso.Parse(Sheet.From).Value, LocalDatePattern.Iso.Parse(Sheet.To).Value, cancellationToken);
        return Page();
    }

    public FigureFilterView Filter(string button) => new(Units, UnitId, Period, From, To, FigureFilterView.OfferedPeriods(options.Value.CutOffDay, clock), Errors, button);

    /// <summary>Where a figure opens to its applications; null when its set counts procedures or what is still open.</summary>
    public string? Opens(string? set) => set is not null && IndicatorDrillDown.Opens(set) && Sheet is { } s
        ? $"/can-bo/chi-so/ho-so?unit={s.UnitId}&from={s.From}&to={s.To}&set={Uri.EscapeDataString(set)}"
        : null;
}
