using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class WorkingHoursTests
{
    [Fact]
    public void By_default_the_one_stop_works_8_to_12_and_13_to_17_and_transfers_until_15()
    {
        var hours = WorkingHours.Default;
        Assert.Equal(new LocalTime(8, 0), hours.MorningStart);
        Assert.Equal(new LocalTime(12, 0), hours.MorningEnd);
        Assert.Equal(new LocalTime(13, 0), hours.AfternoonStart);
        Assert.Equal(new LocalTime(17, 0), hours.AfternoonEnd);
        Assert.Equal(new LocalTime(15, 0), hours.TransferCutoff);
        Assert.Equal(Duration.FromHours(8), hours.PerDay);
    }

    [Fact]
    public void A_morning_that_ends_before_it_starts_is_refused()
    {
        var problems = WorkingHours.Problems(new(8, 0), new(7, 0), new(13, 0), new(17, 0), new(15, 0));
        Assert.Contains(problems, p => p.Field == nameof(WorkingHours.MorningEnd));
        Assert.Throws<CalendarRuleException>(() => new WorkingHours(new(8, 0), new(7, 0), new(13, 0), new(17, 0), new(15, 0)));
    }

    [Fact]
    public void An_afternoon_that_starts_before_the_morning_ends_is_refused()
    {
        var problems = WorkingHours.Problems(new(8, 0), new(12, 0), new(11, 0), new(15, 0), new(14, 0));
        Assert.Equal([nameof(WorkingHours.AfternoonStart)], problems.Select(p => p.Field));
    }

    [Fact]
    public void An_empty_afternoon_is_refused()
    {
        var problems = WorkingHours.Problems(new(8, 0), new(16, 0), new(16, 0), new(16, 0), new(15, 0));
        Assert.Equal([nameof(WorkingHours.AfternoonEnd)], problems.Select(p => p.Field));
    }

    [Fact]
    public void Hours_that_do_not_add_up_to_an_8_hour_day_are_refused_with_the_actual_total()
    {
        var problems = WorkingHours.Problems(new(7, 30), new(11, 30), new(13, 30), new(17, 0), new(15, 0));
        var problem = Assert.Single(problems);
        Assert.Equal(nameof(WorkingHours.AfternoonEnd), problem.Field);
        Assert.Contains("7 giờ 30 phút", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(17, 30)]
    public void A_transfer_cutoff_outside_working_hours_is_refused(int hour, int minute)
    {
        var problems = WorkingHours.Problems(new(8, 0), new(12, 0), new(13, 0), new(17, 0), new(hour, minute));
        Assert.Equal([nameof(WorkingHours.TransferCutoff)], problems.Select(p => p.Field));
    }

    [Fact]
    public void Summer_hours_of_7_30_to_11_30_and_13_30_to_17_30_are_accepted()
    {
        Assert.Empty(WorkingHours.Problems(new(7, 30), new(11, 30), new(13, 30), new(17, 30), new(15, 0)));
        Assert.Empty(WorkingHours.Problems(new(8, 0), new(12, 0), new(12, 0), new(16, 0), new(15, 0)));
    }
}
