using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class AddWorkingTimeTests
{
    private static string Add(string start, decimal amount, TimeUnit unit) =>
        Local(Calendar2026.AddWorkingTime(At(start), amount, unit));

    [Fact]
    public void Received_Friday_16_plus_one_working_day_is_due_Monday_16() =>
        Assert.Equal("2026-11-30 16:00", Add("2026-11-27 16:00", 1, TimeUnit.WorkingDays));

    [Fact]
    public void Received_Monday_10_plus_three_working_days_is_due_Thursday_10() =>
        Assert.Equal("2026-11-26 10:00", Add("2026-11-23 10:00", 3, TimeUnit.WorkingDays));

    [Fact]
    public void Received_Monday_8_plus_one_working_day_is_due_Monday_17_not_Tuesday_morning() =>
        Assert.Equal("2026-11-23 17:00", Add("2026-11-23 08:00", 1, TimeUnit.WorkingDays));

    [Fact]
    public void Eight_working_hours_from_Tuesday_9_end_Wednesday_9() =>
        Assert.Equal("2026-11-25 09:00", Add("2026-11-24 09:00", 8, TimeUnit.WorkingHours));

    [Fact]
    public void Four_working_hours_from_10_skip_the_lunch_break() =>
        Assert.Equal("2026-11-24 15:00", Add("2026-11-24 10:00", 4, TimeUnit.WorkingHours));

    [Fact]
    public void Four_working_hours_from_8_end_at_noon() =>
        Assert.Equal("2026-11-24 12:00", Add("2026-11-24 08:00", 4, TimeUnit.WorkingHours));

    [Fact]
    public void Half_a_working_day_is_four_working_hours() =>
        Assert.Equal("2026-11-24 12:00", Add("2026-11-24 08:00", 0.5m, TimeUnit.WorkingDays));

    [Fact]
    public void A_quarter_of_an_hour_is_fifteen_minutes() =>
        Assert.Equal("2026-11-24 16:59", Add("2026-11-24 16:44", 0.25m, TimeUnit.WorkingHours));

    [Fact]
    public void Time_left_at_17_carries_over_to_the_next_morning() =>
        Assert.Equal("2026-11-25 08:30", Add("2026-11-24 16:30", 1, TimeUnit.WorkingHours));

    [Fact]
    public void A_start_outside_working_hours_counts_from_the_next_working_period() =>
        Assert.Equal("2026-11-30 17:00", Add("2026-11-28 10:00", 8, TimeUnit.WorkingHours));

    [Fact]
    public void Three_working_days_across_Tet_skip_the_whole_holiday() =>
        Assert.Equal("2026-02-24 10:00", Add("2026-02-12 10:00", 3, TimeUnit.WorkingDays));

    [Fact]
    public void Twenty_working_days_from_2_February_2026_end_on_6_March() =>
        Assert.Equal("2026-03-06 17:00", Add("2026-02-02 08:00", 20, TimeUnit.WorkingDays));

    [Fact]
    public void One_working_day_from_Friday_21_August_ends_on_the_make_up_Saturday() =>
        Assert.Equal("2026-08-22 10:00", Add("2026-08-21 10:00", 1, TimeUnit.WorkingDays));

    [Fact]
    public void Two_working_days_from_Friday_28_August_skip_31_August_to_2_September() =>
        Assert.Equal("2026-09-04 10:00", Add("2026-08-28 10:00", 2, TimeUnit.WorkingDays));

    [Fact]
    public void One_working_day_from_29_April_skips_30_April_1_May_and_the_weekend() =>
        Assert.Equal("2026-05-04 10:00", Add("2026-04-29 10:00", 1, TimeUnit.WorkingDays));

    [Fact]
    public void One_working_day_from_Friday_24_April_skips_the_Hung_Kings_compensation_Monday() =>
        Assert.Equal("2026-04-28 10:00", Add("2026-04-24 10:00", 1, TimeUnit.WorkingDays));

    [Fact]
    public void Working_hours_limits_cross_holidays_too() =>
        Assert.Equal("2026-02-23 10:00", Add("2026-02-13 14:00", 5, TimeUnit.WorkingHours));

    [Theory]
    [InlineData("2026-11-23 08:00")]
    [InlineData("2026-11-24 10:17")]
    [InlineData("2026-11-27 16:00")]
    [InlineData("2026-02-12 13:30")]
    [InlineData("2026-08-21 11:00")]
    public void A_working_day_is_always_eight_working_hours(string start)
    {
        for (var days = 1; days <= 12; days++)
        {
            Assert.Equal(Add(start, days, TimeUnit.WorkingDays), Add(start, days * 8, TimeUnit.WorkingHours));
        }
    }

    [Fact]
    public void Adding_nothing_leaves_the_instant_as_it_is() =>
        Assert.Equal("2026-11-28 10:00", Add("2026-11-28 10:00", 0, TimeUnit.WorkingDays));

    [Fact]
    public void A_negative_time_limit_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar2026.AddWorkingTime(At("2026-11-24 09:00"), -1, TimeUnit.WorkingDays));

    [Fact]
    public void Other_working_hours_move_the_due_time_with_them()
    {
        var early = new WorkingHours(new(7, 30), new(11, 30), new(13, 30), new(17, 30), new(15, 0));
        var calendar = new WorkingCalendar(Days2026, early, Zone);
        Assert.Equal("2026-11-24 07:30", Local(calendar.ReceivedAt(At("2026-11-24 07:00"))));
        Assert.Equal("2026-11-24 17:15", Local(calendar.ReceivedAt(At("2026-11-24 17:15"))));
        Assert.Equal("2026-11-30 17:30", Local(calendar.AddWorkingTime(At("2026-11-27 17:31"), 1, TimeUnit.WorkingDays)));
        Assert.Equal("2026-11-24 14:30", Local(calendar.AddWorkingTime(At("2026-11-24 10:30"), 2, TimeUnit.WorkingHours)));
    }
}
