using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>
/// "/thong-ke": the figures the province publishes for everyone, per unit and period, as the national portal does —
/// counts and rates only, nothing about any person or application.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class PublicStatisticsModel(IndicatorReport report, CatalogDirectory catalog, IClock clock) : PageModel
{
    /// <summary>What citizens are shown: how applications came in and were handled.</summary>
    public static readonly string[] Shown = ["online-application-rate", "on-time-rate", "online-payment-rate", "postal-rate", "online-service-rate", "full-online-rate"];

    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public UnitCard? Unit { get; private set; }
    public IReadOnlyList<IndicatorValue> Values { get; private set; } = [];
    public bool YearInvalid { get; private set; }
    public LocalDate First { get; private set; }
    public LocalDate Last { get; private set; }
    public int ThisYear { get; private set; }

    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Units = (await catalog.AllUnitsAsync(cancellationToken)).Where(u => u.EndedOn is null).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Unit = UnitId is int id ? Units.FirstOrDefault(u => u.Id == id) : Units.MinBy(u => u.Depth);
        if (Unit is null)
        {
            return NotFound();
        }

        var today = clock.GetCurrentInstant().InZone(VietnameseDates.Zone).Date;
        ThisYear = today.Year;
        if (Year is int y && (y < 2000 || y > today.Year))
        {
            YearInvalid = true;
            Year = null;
        }

        var year = Year ?? today.Year;
        (First, Last) = (new LocalDate(year, 1, 1), year == today.Year ? today : new LocalDate(year, 12, 31));
        Values = (await report.ComputeAsync(Unit, First, Last, cancellationToken)).Where(v => Shown.Contains(v.Id)).ToList();
        return Page();
    }

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
