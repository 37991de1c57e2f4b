using MotCua.Web.Modules.Catalog.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class WorkingHoursBetweenTests
{
    private static decimal Between(string from, string to) => Calendar2026.WorkingHoursBetween(At(from), At(to));

    [Fact]
    public void Nothing_elapses_when_the_end_is_not_after_the_start()
    {
        Assert.Equal(0m, Between("2026-11-24 10:00", "2026-11-24 10:00"));
        Assert.Equal(0m, Between("2026-11-24 10:00", "2026-11-24 09:00"));
    }

    [Fact]
    public void The_lunch_break_does_not_count() =>
        Assert.Equal(5m, Between("2026-11-24 09:00", "2026-11-24 15:00"));

    [Fact]
    public void A_whole_working_day_is_eight_hours() =>
        Assert.Equal(8m, Between("2026-11-24 00:00", "2026-11-25 00:00"));

    [Fact]
    public void Nights_and_weekends_do_not_count() =>
        Assert.Equal(2m, Between("2026-11-27 16:00", "2026-11-30 09:00"));

    [Fact]
    public void A_weekend_alone_is_zero_hours() =>
        Assert.Equal(0m, Between("2026-11-28 08:00", "2026-11-29 17:00"));

    [Fact]
    public void Tet_does_not_count() =>
        Assert.Equal(4m, Between("2026-02-13 15:00", "2026-02-23 10:00"));

    [Fact]
    public void The_make_up_Saturday_counts() =>
        Assert.Equal(8m, Between("2026-08-21 17:00", "2026-08-24 08:00"));

    [Fact]
    public void Minutes_are_fractions_of_an_hour() =>
        Assert.Equal(0.75m, Between("2026-11-24 11:15", "2026-11-24 12:45"));

    [Fact]
    public void A_week_of_five_working_days_is_forty_hours() =>
        Assert.Equal(40m, Between("2026-11-23 08:00", "2026-11-30 08:00"));

    [Theory]
    [InlineData("2026-11-23 10:00", "2026-11-26 10:00")]
    [InlineData("2026-02-12 09:20", "2026-02-24 14:05")]
    [InlineData("2026-08-20 16:10", "2026-09-04 08:01")]
    [InlineData("2026-11-24 09:00", "2026-11-24 09:00:01")]
    public void Adding_back_the_hours_between_two_working_instants_returns_the_later_one(string from, string to)
    {
        var hours = Calendar2026.WorkingHoursBetween(At(from), At(to));
        Assert.Equal(to, Local(Calendar2026.AddWorkingTime(At(from), hours, TimeUnit.WorkingHours)));
    }

    [Fact]
    public void The_clock_stops_while_a_supplement_is_pending()
    {
        // Received Mon 23/11 10:00 with 3 working days: due Thu 26/11 10:00. Supplement asked Tue 24/11 10:00 and
        // brought Fri 27/11 09:00: 23 working hours paused, so the new due is 23 working hours after Thursday 10:00.
        var due = Calendar2026.AddWorkingTime(At("2026-11-23 10:00"), 3, TimeUnit.WorkingDays);
        Assert.Equal("2026-11-26 10:00", Local(due));
        var paused = Calendar2026.WorkingHoursBetween(At("2026-11-24 10:00"), At("2026-11-27 09:00"));
        Assert.Equal(23m, paused);
        Assert.Equal("2026-12-01 09:00", Local(Calendar2026.AddWorkingTime(due, paused, TimeUnit.WorkingHours)));
    }

    [Fact]
    public void A_supplement_asked_and_brought_over_a_weekend_pauses_nothing()
    {
        var paused = Calendar2026.WorkingHoursBetween(At("2026-11-27 17:30"), At("2026-11-29 20:00"));
        Assert.Equal(0m, paused);
    }
}
