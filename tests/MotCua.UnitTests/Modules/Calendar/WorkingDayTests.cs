using MotCua.Web.Modules.Applications.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class WorkingDayTests
{
    [Theory]
    [InlineData("2026-11-23")] // Monday
    [InlineData("2026-11-24")] // Tuesday; 24/11 "Ngày Văn hóa Việt Nam" is not a holiday in law
    [InlineData("2026-11-27")] // Friday
    [InlineData("2026-01-02")] // Friday after New Year's Day
    [InlineData("2026-02-23")] // Monday after Tết
    [InlineData("2026-04-28")] // Tuesday after the Hùng Kings' compensation day
    [InlineData("2026-05-04")] // Monday after 30/4 and 1/5
    [InlineData("2026-09-03")] // Thursday after National Day
    public void An_ordinary_weekday_is_a_working_day(string date) =>
        Assert.True(Calendar2026.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2026-11-28")] // Saturday
    [InlineData("2026-11-29")] // Sunday
    [InlineData("2026-04-26")] // Hùng Kings' day itself, a Sunday
    [InlineData("2026-08-29")] // the Saturday after the make-up Saturday stays off
    public void Saturday_and_Sunday_are_days_off(string date) =>
        Assert.False(Calendar2026.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-18")]
    [InlineData("2026-02-19")]
    [InlineData("2026-02-20")]
    [InlineData("2026-04-27")]
    [InlineData("2026-04-30")]
    [InlineData("2026-05-01")]
    [InlineData("2026-08-31")]
    [InlineData("2026-09-01")]
    [InlineData("2026-09-02")]
    public void Public_holidays_and_Tet_are_days_off(string date) =>
        Assert.False(Calendar2026.IsWorkingDay(Date(date)));

    [Fact]
    public void Saturday_22_August_2026_is_a_make_up_working_day() =>
        Assert.True(Calendar2026.IsWorkingDay(Date("2026-08-22")));

    [Fact]
    public void Tet_2026_gives_nine_days_off_in_a_row_from_14_to_22_February()
    {
        var offs = Enumerable.Range(0, 9).Select(i => Date("2026-02-14").PlusDays(i));
        Assert.All(offs, d => Assert.False(Calendar2026.IsWorkingDay(d)));
        Assert.True(Calendar2026.IsWorkingDay(Date("2026-02-13")));
        Assert.True(Calendar2026.IsWorkingDay(Date("2026-02-23")));
    }

    [Fact]
    public void Year_2026_has_250_working_days()
    {
        // 261 weekdays − 12 weekday holidays + 1 make-up Saturday.
        var days = Enumerable.Range(0, 365).Select(i => Date("2026-01-01").PlusDays(i));
        Assert.Equal(250, days.Count(Calendar2026.IsWorkingDay));
    }

    [Fact]
    public void A_calendar_cannot_list_the_same_date_twice()
    {
        var days = new[]
        {
            new CalendarDay(Date("2026-02-16"), CalendarDayKind.Holiday, "Tết Nguyên Đán"),
            new CalendarDay(Date("2026-02-16"), CalendarDayKind.Holiday, "Tết"),
        };
        var error = Assert.Throws<CalendarRuleException>(() => new WorkingCalendar(days, WorkingHours.Default, Zone));
        Assert.Contains("16/02/2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_calendar_days_only_weekends_are_off()
    {
        var plain = new WorkingCalendar([], WorkingHours.Default, Zone);
        Assert.True(plain.IsWorkingDay(Date("2026-02-17")));
        Assert.False(plain.IsWorkingDay(Date("2026-08-22")));
    }
}
