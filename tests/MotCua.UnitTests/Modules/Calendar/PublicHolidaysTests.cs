using MotCua.Web.Modules.Calendar.Data;
using MotCua.Web.Modules.Applications.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.UnitTests.Modules.Calendar;

/// <summary>The days every database is seeded with (legal.md, "Working calendar").</summary>
public sealed class PublicHolidaysTests
{
    private static readonly WorkingCalendar Seeded = new(VietnamPublicHolidays.All(), WorkingHours.Default, Zone);

    [Fact]
    public void The_2026_days_off_are_exactly_those_decided_for_state_bodies()
    {
        var offs = VietnamPublicHolidays.Year2026().Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date.ToString("yyyy-MM-dd", null));
        Assert.Equal(
            ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"],
            offs);
    }

    [Fact]
    public void Saturday_22_August_2026_is_the_only_make_up_working_day_of_2026() =>
        Assert.Equal([Date("2026-08-22")], VietnamPublicHolidays.Year2026().Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Select(d => d.Date));

    [Fact]
    public void Culture_day_24_November_is_not_a_holiday_until_enacted() =>
        Assert.True(Seeded.IsWorkingDay(Date("2026-11-24")));

    [Fact]
    public void The_seed_matches_the_2026_calendar_used_by_the_other_tests()
    {
        var days = Enumerable.Range(0, 365).Select(i => Date("2026-01-01").PlusDays(i));
        Assert.All(days, d => Assert.Equal(Calendar2026.IsWorkingDay(d), Seeded.IsWorkingDay(d)));
    }

    [Theory]
    [InlineData("2027-01-01")] // Friday, New Year's Day
    [InlineData("2027-04-16")] // Friday, Hùng Kings' day: 10/3 of the lunar year Đinh Mùi
    [InlineData("2027-04-30")] // Friday
    [InlineData("2027-05-03")] // Monday, for 1/5 on a Saturday
    [InlineData("2027-09-02")] // Thursday, National Day
    [InlineData("2027-09-03")] // Friday, the adjacent day (provisional)
    public void The_2027_fixed_holidays_are_days_off(string date) =>
        Assert.False(Seeded.IsWorkingDay(Date(date)));

    [Fact]
    public void Tet_2027_is_five_provisional_working_days_off_around_Saturday_6_February()
    {
        var tet = VietnamPublicHolidays.Year2027().Where(d => d.Name.StartsWith("Tết Nguyên Đán", StringComparison.Ordinal)).ToList();
        Assert.Equal([Date("2027-02-04"), Date("2027-02-05"), Date("2027-02-08"), Date("2027-02-09"), Date("2027-02-10")], tet.Select(d => d.Date));
        Assert.All(tet, d => Assert.Equal("Tết Nguyên Đán (dự kiến)", d.Name));
        Assert.Equal("2027-02-11 08:00", Local(Seeded.ReceivedAt(At("2027-02-03 17:30"))));
    }

    [Fact]
    public void Days_not_yet_decided_for_2027_say_so_in_their_name()
    {
        var provisional = VietnamPublicHolidays.Year2027().Where(d => d.Name.Contains("dự kiến", StringComparison.Ordinal)).Select(d => d.Date);
        Assert.Contains(Date("2027-09-03"), provisional);
        Assert.Equal(6, provisional.Count());
    }

    [Fact]
    public void Every_seeded_holiday_is_a_weekday_and_every_make_up_day_a_weekend()
    {
        Assert.All(VietnamPublicHolidays.All(), d => Assert.Null(CalendarDay.KindProblem(d.Date, d.Kind)));
        Assert.Equal(VietnamPublicHolidays.All().Count, VietnamPublicHolidays.All().Select(d => d.Date).Distinct().Count());
    }

    [Fact]
    public void A_filing_on_New_Years_Eve_2026_counts_from_Monday_4_January_2027() =>
        Assert.Equal("2027-01-04 08:00", Local(Seeded.ReceivedAt(At("2026-12-31 18:00"))));
}
