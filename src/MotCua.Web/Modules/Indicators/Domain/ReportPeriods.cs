using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>
/// Reporting periods by name — a month "2026-11", a quarter "2026-Q4", a year "2026" — with the province's cut-off day:
/// with a cut-off on the 14th a month runs from the 15th of the month before to the 14th, a quarter from the 15th of the
/// month before it to the 14th of its last month, a year from 15/12 to 14/12 (Decree 09/2019 style; the seeds use the
/// 15th, 25th and 28th). Without one, calendar months, quarters and years.
/// </summary>
public static partial class ReportPeriods
{
    public const string Format = "yyyy-MM (tháng), yyyy-Qn (quý) hoặc yyyy (năm)";

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:(?<month>0[1-9]|1[0-2])|Q(?<quarter>[1-4])))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>The first and last day of the named period; null when the name is not one.</summary>
    public static (LocalDate From, LocalDate To)? Parse(string? text, int? cutOffDay)
    {
        var match = Name().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return null;
        }

        var (firstMonth, lastMonth) = match.Groups["month"].Success ? (Month(match), Month(match))
            : match.Groups["quarter"].Success ? ((Quarter(match) * 3) - 2, Quarter(match) * 3)
            : (1, 12);
        return Span(year, firstMonth, lastMonth, cutOffDay);
    }

    /// <summary>The period from the start of <paramref name="firstMonth"/> to the end of <paramref name="lastMonth"/> of a year, as the cut-off day shifts them.</summary>
    public static (LocalDate From, LocalDate To) Span(int year, int firstMonth, int lastMonth, int? cutOffDay)
    {
        var first = new LocalDate(year, firstMonth, 1);
        var last = new LocalDate(year, lastMonth, 1);
        return cutOffDay is int c
            ? (first.PlusMonths(-1).PlusDays(c), last.PlusDays(c - 1))
            : (first, last.PlusMonths(1).PlusDays(-1));
    }

    /// <summary>The name of the month a day is reported in: with a cut-off on the 15th, 16/11 already counts in December.</summary>
    public static string MonthOf(LocalDate day, int? cutOffDay)
    {
        var month = cutOffDay is int c && day.Day > c ? day.PlusMonths(1) : day;
        return string.Create(CultureInfo.InvariantCulture, $"{month.Year:0000}-{month.Month:00}");
    }

    private static int Month(Match m) => int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);

    private static int Quarter(Match m) => int.Parse(m.Groups["quarter"].Value, CultureInfo.InvariantCulture);
}
