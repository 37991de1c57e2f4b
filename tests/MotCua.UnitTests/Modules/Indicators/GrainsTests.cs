using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class GrainsTests
{
    public static TheoryData<int?> CutOffs => [null, 1, 14, 15, 25, 28];

    [Theory]
    [MemberData(nameof(CutOffs))]
    public void Each_month_and_year_row_covers_exactly_a_reporting_month_and_year(int? cutOff)
    {
        for (var year = 2024; year <= 2027; year++)
        {
            var (yearFrom, yearTo) = ReportPeriods.Span(year, 1, 12, cutOff);
            Assert.Equal((yearFrom, yearTo), (Grains.YearStart(yearTo, cutOff), Grains.YearEnd(yearFrom, cutOff)));
            for (var month = 1; month <= 12; month++)
            {
                var (from, to) = ReportPeriods.Span(year, month, month, cutOff);
                for (var day = from; day <= to; day = day.PlusDays(1))
                {
                    Assert.Equal((from, to), (Grains.MonthStart(day, cutOff), Grains.MonthEnd(day, cutOff)));
                    Assert.Equal(yearFrom, Grains.YearStart(day, cutOff));
                }
            }
        }
    }

    [Fact]
    public void A_year_of_calendar_months_is_read_as_one_year_row_and_a_month_with_days_at_its_ends()
    {
        var year = Grains.Cover(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), null, byProcedure: false);
        Assert.Equal([new Piece(Grains.Years, 520260101, 520261231)], year);

        var untilToday = Grains.Cover(new LocalDate(2026, 10, 30), new LocalDate(2026, 12, 3), null, byProcedure: true);
        Assert.Equal(
            [new Piece(Grains.DaysByProcedure, 20261030, 20261031), new Piece(Grains.MonthsByProcedure, 120261101, 120261130), new Piece(Grains.DaysByProcedure, 20261201, 20261203)],
            untilToday);

        // With a cut-off on the 15th the month of December starts on 16/11.
        Assert.Equal([new Piece(Grains.Months, 420261116, 420261215)], Grains.Cover(new LocalDate(2026, 11, 16), new LocalDate(2026, 12, 15), 15, byProcedure: false));
    }

    [Fact]
    public void The_rows_of_every_grain_add_up_to_the_days_of_any_period()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 300; round++)
        {
            int? cutOff = random.Next(3) == 0 ? null : random.Next(1, 29);
            var days = new Dictionary<CountKey, long>();
            var start = new LocalDate(2024, 1, 1);
            for (var i = 0; i < 60; i++)
            {
                var key = new CountKey(random.Next(1, 3), Measures.Day(start.PlusDays(random.Next(0, 1100))), random.Next(2) == 0 ? "1.001193" : "2.000001", "received");
                days[key] = days.GetValueOrDefault(key) + random.Next(-1, 4);
            }

            var rows = Grains.Expand(days.Select(d => (d.Key, d.Value)), cutOff);
            for (var ask = 0; ask < 20; ask++)
            {
                var a = start.PlusDays(random.Next(-30, 1130));
                var b = a.PlusDays(random.Next(0, 800));
                LocalDate? from = random.Next(5) == 0 ? null : a;
                var byProcedure = random.Next(2) == 0;
                var years = random.Next(3) != 0;
                var pieces = Grains.Cover(from, b, cutOff, byProcedure, years);
                var expected = days.Where(d => d.Key.UnitId == 1 && (from is null || d.Key.Day >= Measures.Day(from.Value)) && d.Key.Day <= Measures.Day(b)).Sum(d => d.Value);
                var read = rows.Where(r => r.Key.UnitId == 1 && (r.Key.ProcedureCode == Grains.AllProcedures) != byProcedure)
                    .Sum(r => r.Delta * pieces.Where(p => r.Key.Day >= p.Low && r.Key.Day <= p.High).Sum(p => p.Sign));
                Assert.True(expected == read, $"cut-off {cutOff}, {from}–{b}, by procedure {byProcedure}, years {years}: days say {expected}, rows {read} ({string.Join(", ", pieces)})");
                Assert.All(pieces, p => Assert.Equal(p.Grain, p.Low / 100_000_000));
                if (!years)
                {
                    Assert.DoesNotContain(pieces, p => p.Grain is Grains.Years or Grains.YearsByProcedure);
                }
            }
        }
    }

    [Fact]
    public void Most_of_a_year_is_read_as_its_year_row_less_what_lies_outside_the_period()
    {
        var pieces = Grains.Cover(new LocalDate(2026, 1, 1), new LocalDate(2026, 11, 20), null, byProcedure: true);
        Assert.Equal(
            [new Piece(Grains.YearsByProcedure, 220260101, 220261231), new Piece(Grains.DaysByProcedure, 20261121, 20261130, -1), new Piece(Grains.MonthsByProcedure, 120261201, 120261231, -1)],
            pieces);

        // Half a year or less is read month by month.
        Assert.DoesNotContain(Grains.Cover(new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 20), null, byProcedure: true), p => p.Sign < 0);
    }

    [Fact]
    public void A_day_adds_to_its_own_row_and_those_of_its_month_and_year_for_its_procedure_and_for_all()
    {
        var keys = Grains.Expand(new CountKey(7, 20261116, "1.001193", "received"), 15).Select(k => k.ToString()).ToList();
        Assert.Equal(
            ["7|20261116|1.001193|received", "7|120261116|1.001193|received", "7|220251216|1.001193|received",
             "7|320261116||received", "7|420261116||received", "7|520251216||received"],
            keys);
    }
}
