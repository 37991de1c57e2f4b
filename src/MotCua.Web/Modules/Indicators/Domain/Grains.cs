using NodaTime;

namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>One run of counter rows to read: those of <see cref="Grain"/> whose encoded day lies from Low to High, added (Sign 1) or taken away (-1).</summary>
/// <param name="Grain">One of the grains of <see cref="Grains"/>.</param>
public sealed record Piece(int Grain, int Low, int High, int Sign = 1)
{
    /// <summary>What to take off a row's day to get back the first day (yyyyMMdd) it counts.</summary>
    public int Offset => Grains.Base(Grain);
}

/// <summary>
/// The counters are kept at three sizes side by side in <c>indicator_counts</c>, so that a province's year is a few
/// thousand rows and not a million: the day, the reporting month and the reporting year (by the province's cut-off
/// day, so each month or year of a report is exactly one row per unit, procedure and measure); each both per procedure
/// and for all procedures together (procedure ""). A coarse row is keyed by its first day plus its grain times
/// 100,000,000 (a month from 16/11/2026, per procedure: 120261116), so every read of a run of days
/// (<c>Day &gt;= 20260101 AND Day &lt;= 20261231</c>) still sees the day rows only and nothing counts twice.
/// A period is read as the fewest rows that cover it exactly (<see cref="Cover"/>): its whole years, the whole months
/// around them, the days at its ends. See ADR 0025.
/// </summary>
public static class Grains
{
    public const int DaysByProcedure = 0;
    public const int MonthsByProcedure = 1;
    public const int YearsByProcedure = 2;
    public const int Days = 3;
    public const int Months = 4;
    public const int Years = 5;

    /// <summary>The procedure of the rows that count all procedures together.</summary>
    public const string AllProcedures = "";

    private const int Step = 100_000_000;

    /// <summary>Where a read "from the beginning" starts: before anything any system recorded, and a year's first day.</summary>
    private static readonly LocalDate Beginning = new(1900, 6, 1);

    public static int Base(int grain) => grain * Step;

    /// <summary>The first day of the reporting month a day counts in: with a cut-off on the 15th, 16/11 is in the month from 16/11 to 15/12.</summary>
    public static LocalDate MonthStart(LocalDate day, int? cutOffDay) => cutOffDay is int c
        ? day.Day > c ? new LocalDate(day.Year, day.Month, c + 1) : new LocalDate(day.Year, day.Month, 1).PlusMonths(-1).PlusDays(c)
        : new LocalDate(day.Year, day.Month, 1);

    /// <summary>The last day of that month: the cut-off day itself (always a day of the month, being 28 at most), or the month's last.</summary>
    public static LocalDate MonthEnd(LocalDate day, int? cutOffDay) => cutOffDay is int c
        ? day.Day > c ? new LocalDate(day.Year, day.Month, 1).PlusMonths(1).PlusDays(c - 1) : new LocalDate(day.Year, day.Month, c)
        : new LocalDate(day.Year, day.Month, 1).PlusMonths(1).PlusDays(-1);

    /// <summary>The first day of the reporting year: with a cut-off on the 15th, the year 2026 runs from 16/12/2025 to 15/12/2026.</summary>
    public static LocalDate YearStart(LocalDate day, int? cutOffDay) => cutOffDay is int c
        ? day.Month == 12 && day.Day > c ? new LocalDate(day.Year, 12, c + 1) : new LocalDate(day.Year - 1, 12, c + 1)
        : new LocalDate(day.Year, 1, 1);

    public static LocalDate YearEnd(LocalDate day, int? cutOffDay) => YearStart(day, cutOffDay).PlusYears(1).PlusDays(-1);

    /// <summary>The day a counter key of the day grain counts (yyyyMMdd back to a date).</summary>
    public static LocalDate DateOf(int day) => new(day / 10_000, day / 100 % 100, day % 100);

    /// <summary>Every row a counter of one day adds to: its own, and those of its month and year, per procedure and for all.</summary>
    public static IEnumerable<CountKey> Expand(CountKey key, int? cutOffDay)
    {
        ArgumentNullException.ThrowIfNull(key);
        var day = DateOf(key.Day);
        var month = Measures.Day(MonthStart(day, cutOffDay));
        var year = Measures.Day(YearStart(day, cutOffDay));
        yield return key;
        yield return key with { Day = Base(MonthsByProcedure) + month };
        yield return key with { Day = Base(YearsByProcedure) + year };
        yield return key with { Day = Base(Days) + key.Day, ProcedureCode = AllProcedures };
        yield return key with { Day = Base(Months) + month, ProcedureCode = AllProcedures };
        yield return key with { Day = Base(Years) + year, ProcedureCode = AllProcedures };
    }

    /// <summary>The changes to the day rows with the rows of every grain they add to, summed per row (zeros left out), in key order.</summary>
    public static IReadOnlyList<(CountKey Key, long Delta)> Expand(IEnumerable<(CountKey Key, long Delta)> changes, int? cutOffDay)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var all = new Dictionary<CountKey, long>();
        foreach (var (key, delta) in changes)
        {
            foreach (var k in Expand(key, cutOffDay))
            {
                all[k] = all.GetValueOrDefault(k) + delta;
            }
        }

        return [.. all.Where(a => a.Value != 0).OrderBy(a => a.Key.ToString(), StringComparer.Ordinal).Select(a => (a.Key, a.Value))];
    }

    /// <summary>
    /// The fewest rows that count the days from–to exactly (from null: from the beginning), per procedure or for all
    /// procedures: the whole reporting years inside (unless <paramref name="years"/> is false), the whole months around
    /// them, and the days at the two ends.
    /// </summary>
    public static IReadOnlyList<Piece> Cover(LocalDate? from, LocalDate to, int? cutOffDay, bool byProcedure, bool years = true)
    {
        var added = Add(from, to, cutOffDay, byProcedure, years);

        // Most of one reporting year (seven whole months or more, as "from 1 January to today" in November): its year
        // row less what lies outside the period is far fewer rows than the months one by one, once every unit has
        // counters for every procedure in every month.
        if (!years || from is not LocalDate first || YearStart(first, cutOffDay) != YearStart(to, cutOffDay))
        {
            return added;
        }

        var (yearFrom, yearTo) = (YearStart(first, cutOffDay), YearEnd(first, cutOffDay));
        var wholeMonths = WholeMonths(first, to, cutOffDay);
        if (wholeMonths < 7 || (first == yearFrom && to == yearTo))
        {
            return added;
        }

        var (yearGrain, sign) = (byProcedure ? YearsByProcedure : Years, -1);
        Piece[] taken = [.. Add(yearFrom, first.PlusDays(-1), cutOffDay, byProcedure, years: false), .. Add(to.PlusDays(1), yearTo, cutOffDay, byProcedure, years: false)];
        return [new Piece(yearGrain, Base(yearGrain) + Measures.Day(yearFrom), Base(yearGrain) + Measures.Day(yearTo)), .. taken.Select(p => p with { Sign = sign })];
    }

    /// <summary>How many whole reporting months lie within the days from–to.</summary>
    private static int WholeMonths(LocalDate from, LocalDate to, int? cutOffDay)
    {
        var count = 0;
        for (var start = MonthStart(from, cutOffDay) == from ? from : MonthEnd(from, cutOffDay).PlusDays(1); MonthEnd(start, cutOffDay) <= to; start = MonthEnd(start, cutOffDay).PlusDays(1))
        {
            count++;
        }

        return count;
    }

    private static List<Piece> Add(LocalDate? from, LocalDate to, int? cutOffDay, bool byProcedure, bool years)
    {
        var (dayGrain, monthGrain, yearGrain) = byProcedure ? (DaysByProcedure, MonthsByProcedure, YearsByProcedure) : (Days, Months, Years);
        var first = from ?? YearStart(Beginning, cutOffDay);
        var pieces = new List<Piece>();
        void Run(int grain, LocalDate a, LocalDate b)
        {
            if (a <= b)
            {
                pieces.Add(new Piece(grain, Base(grain) + Measures.Day(a), Base(grain) + Measures.Day(b)));
            }
        }

        if (first > to)
        {
            return pieces;
        }

        var m1 = MonthStart(first, cutOffDay) == first ? first : MonthEnd(first, cutOffDay).PlusDays(1);
        var m2 = MonthEnd(to, cutOffDay) == to ? to : MonthStart(to, cutOffDay).PlusDays(-1);
        if (m1 > m2)
        {
            Run(dayGrain, first, to);
            return pieces;
        }

        Run(dayGrain, first, m1.PlusDays(-1));
        var y1 = YearStart(m1, cutOffDay) == m1 ? m1 : YearEnd(m1, cutOffDay).PlusDays(1);
        var y2 = YearEnd(m2, cutOffDay) == m2 ? m2 : YearStart(m2, cutOffDay).PlusDays(-1);
        if (years && y1 <= y2)
        {
            Run(monthGrain, m1, y1.PlusDays(-1));
            Run(yearGrain, y1, y2);
            Run(monthGrain, y2.PlusDays(1), m2);
        }
        else
        {
            Run(monthGrain, m1, m2);
        }

        Run(dayGrain, m2.PlusDays(1), to);
        return pieces;
    }

    /// <summary>
    /// The statements that make the month and year rows again from the day rows (portable SQL: the same on PostgreSQL
    /// and SQLite, integer arithmetic on yyyyMMdd), for a cut-off day that changed or day rows written by other means.
    /// </summary>
    public static IReadOnlyList<string> RebuildSql(int? cutOffDay)
    {
        const string D = "\"Day\"";
        string monthStart, yearStart;
        if (cutOffDay is int c)
        {
            // With the 28th, March's first days follow 28/02 directly in a year without 29/02 (as MonthStart has it).
            var notLeap = $"NOT (({D} / 10000 % 4 = 0 AND {D} / 10000 % 100 <> 0) OR {D} / 10000 % 400 = 0)";
            var march = c == 28 ? $"WHEN {D} / 100 % 100 = 3 AND {notLeap} THEN {D} / 100 * 100 + 1 " : string.Empty;
            monthStart = $"CASE WHEN {D} % 100 > {c} THEN {D} / 100 * 100 + {c + 1} {march}WHEN {D} / 100 % 100 = 1 THEN ({D} / 10000 - 1) * 10000 + {1201 + c} ELSE ({D} / 100 - 1) * 100 + {c + 1} END";
            yearStart = $"CASE WHEN {D} / 100 % 100 = 12 AND {D} % 100 > {c} THEN {D} / 10000 * 10000 + {1201 + c} ELSE ({D} / 10000 - 1) * 10000 + {1201 + c} END";
        }
        else
        {
            monthStart = $"{D} / 100 * 100 + 1";
            yearStart = $"{D} / 10000 * 10000 + 101";
        }

        // GROUP BY by position: the same on both databases, and the day expression written once.
        string Insert(int grain, string start, bool perProcedure) =>
            $"""INSERT INTO indicator_counts ("UnitId", "Day", "ProcedureCode", "Measure", "Count") SELECT "UnitId", {Base(grain)} + {start}, """
            + $"""{(perProcedure ? "\"ProcedureCode\"" : $"'{AllProcedures}'")}, "Measure", SUM("Count") FROM indicator_counts WHERE {D} < {Step} """
            + """GROUP BY 1, 2, 3, 4 HAVING SUM("Count") <> 0""";

        return
        [
            $"DELETE FROM indicator_counts WHERE {D} >= {Step}",
            Insert(MonthsByProcedure, monthStart, perProcedure: true),
            Insert(YearsByProcedure, yearStart, perProcedure: true),
            Insert(Days, D, perProcedure: false),
            Insert(Months, monthStart, perProcedure: false),
            Insert(Years, yearStart, perProcedure: false),
        ];
    }
}
