using MotCua.Web.Modules.Catalog.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class SplitBySharesTests
{
    [Fact]
    public void Ten_working_days_split_reception_specialist_leader_ten_sixty_thirty()
    {
        var start = At("2026-11-02 08:00");
        var due = Calendar2026.AddWorkingTime(start, 10, TimeUnit.WorkingDays);
        var steps = Calendar2026.SplitByShares(start, due, [0.1m, 0.6m, 0.3m]);
        Assert.Equal(["2026-11-02 17:00", "2026-11-10 17:00", "2026-11-13 17:00"], steps.Select(Local));
    }

    [Fact]
    public void Eight_working_hours_split_into_minutes_across_lunch()
    {
        var start = At("2026-11-24 09:00");
        var due = Calendar2026.AddWorkingTime(start, 8, TimeUnit.WorkingHours);
        var steps = Calendar2026.SplitByShares(start, due, [0.1m, 0.6m, 0.3m]);
        Assert.Equal(["2026-11-24 09:48", "2026-11-24 15:36", "2026-11-25 09:00"], steps.Select(Local));
    }

    [Fact]
    public void Steps_before_Tet_and_after_it_share_only_working_time()
    {
        var start = At("2026-02-12 08:00");
        var due = Calendar2026.AddWorkingTime(start, 4, TimeUnit.WorkingDays);
        Assert.Equal("2026-02-24 17:00", Local(due));
        var steps = Calendar2026.SplitByShares(start, due, [0.5m, 0.5m]);
        Assert.Equal(["2026-02-13 17:00", "2026-02-24 17:00"], steps.Select(Local));
    }

    [Fact]
    public void The_last_step_is_due_exactly_when_the_application_is_due()
    {
        var start = At("2026-11-24 10:07");
        var due = Calendar2026.AddWorkingTime(start, 7, TimeUnit.WorkingDays);
        var steps = Calendar2026.SplitByShares(start, due, [0.3333m, 0.3333m, 0.3334m]);
        Assert.Equal(due, steps[^1]);
        Assert.True(steps[0] < steps[1] && steps[1] < steps[2]);
    }

    [Fact]
    public void A_single_step_gets_the_whole_time() =>
        Assert.Equal([At("2026-11-25 09:00")], Calendar2026.SplitByShares(At("2026-11-24 09:00"), At("2026-11-25 09:00"), [1m]));

    [Fact]
    public void Shares_that_do_not_add_up_to_the_whole_are_refused() =>
        Assert.Throws<ArgumentException>(() => Calendar2026.SplitByShares(At("2026-11-24 09:00"), At("2026-11-25 09:00"), [0.5m, 0.4m]));

    [Fact]
    public void No_steps_or_a_step_without_time_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Calendar2026.SplitByShares(At("2026-11-24 09:00"), At("2026-11-25 09:00"), []));
        Assert.Throws<ArgumentException>(() => Calendar2026.SplitByShares(At("2026-11-24 09:00"), At("2026-11-25 09:00"), [0m, 1m]));
    }

    [Fact]
    public void A_due_instant_before_the_start_is_refused() =>
        Assert.Throws<ArgumentException>(() => Calendar2026.SplitByShares(At("2026-11-25 09:00"), At("2026-11-24 09:00"), [1m]));
}
