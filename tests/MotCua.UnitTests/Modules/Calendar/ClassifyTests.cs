using MotCua.Web.Modules.Applications.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class ClassifyTests
{
    private static Timeliness Classify(string finished, string due) => Calendar2026.Classify(At(finished), At(due));

    [Fact]
    public void Finished_a_day_before_the_due_day_is_early() =>
        Assert.Equal(Timeliness.Early, Classify("2026-11-26 16:00", "2026-11-27 16:00"));

    [Fact]
    public void Finished_late_in_the_evening_before_the_due_day_is_early() =>
        Assert.Equal(Timeliness.Early, Classify("2026-11-26 23:59", "2026-11-27 08:30"));

    [Fact]
    public void Finished_the_morning_of_the_due_day_is_on_time_not_early() =>
        Assert.Equal(Timeliness.OnTime, Classify("2026-11-27 08:00", "2026-11-27 16:00"));

    [Fact]
    public void Finished_at_the_due_instant_is_on_time() =>
        Assert.Equal(Timeliness.OnTime, Classify("2026-11-27 16:00", "2026-11-27 16:00"));

    [Fact]
    public void Finished_one_minute_after_the_due_instant_is_late() =>
        Assert.Equal(Timeliness.Late, Classify("2026-11-27 16:01", "2026-11-27 16:00"));

    [Fact]
    public void Finished_days_after_the_due_instant_is_late() =>
        Assert.Equal(Timeliness.Late, Classify("2026-12-02 09:00", "2026-11-27 16:00"));

    [Fact]
    public void The_day_is_the_Vietnamese_day_not_the_UTC_day()
    {
        // 00:30 on 27/11 in Hà Nội is still 26/11 in UTC: same Vietnamese day as the due time, so on time.
        Assert.Equal(Timeliness.OnTime, Classify("2026-11-27 00:30", "2026-11-27 16:00"));
        // 23:30 on 26/11 in Hà Nội is 16:30 on 26/11 UTC, while a due time of 27/11 06:30 in Hà Nội is 23:30 on 26/11
        // UTC: the same UTC day, but an earlier Vietnamese day, so early.
        Assert.Equal(Timeliness.Early, Classify("2026-11-26 23:30", "2026-11-27 06:30"));
    }
}
