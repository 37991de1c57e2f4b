using System.Globalization;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>What the unit and period form (_FigureFilter) shows: the units in scope, what is chosen, and the mistakes.</summary>
public sealed record FigureFilterView(
    IReadOnlyList<UnitCard> Units, int? UnitId, string? Period, string? From, string? To,
    IReadOnlyList<(string Name, string Format, int A, int B)> Periods, IReadOnlyList<FieldError> Errors, string Button)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>The reporting periods offered: the last three months, the last two quarters and years, by the province's cut-off day.</summary>
    public static IReadOnlyList<(string Name, string Format, int A, int B)> OfferedPeriods(int? cutOff, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = clock.GetCurrentInstant().InZone(Common.Text.VietnameseDates.Zone).Date;
        var month = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyy'-'MM'-'dd").Parse(Domain.ReportPeriods.MonthOf(today, cutOff) + "-01").Value;
        var periods = new List<(string Name, string Format, int A, int B)>();
        for (var i = 0; i < 3; i++)
        {
            var m = month.PlusMonths(-i);
            periods.Add((string.Create(CultureInfo.InvariantCulture, $"{m.Year:0000}-{m.Month:00}"), "Tháng {0}/{1}", m.Month, m.Year));
        }

        var quarter = ((month.Month - 1) / 3) + 1;
        for (var i = 0; i < 2; i++)
        {
            var (q, y) = quarter - i >= 1 ? (quarter - i, month.Year) : (quarter - i + 4, month.Year - 1);
            periods.Add((string.Create(CultureInfo.InvariantCulture, $"{y:0000}-Q{q}"), "Quý {0}/{1}", q, y));
        }

        periods.Add((month.Year.ToString(CultureInfo.InvariantCulture), "Năm {0}", month.Year, 0));
        periods.Add(((month.Year - 1).ToString(CultureInfo.InvariantCulture), "Năm {0}", month.Year - 1, 0));
        return periods;
    }
}
