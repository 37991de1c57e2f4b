using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-11", null, "2026-11-01", "2026-11-30")]
    [InlineData("2026-02", null, "2026-02-01", "2026-02-28")]
    [InlineData("2026-Q4", null, "2026-10-01", "2026-12-31")]
    [InlineData("2026", null, "2026-01-01", "2026-12-31")]
    [InlineData("2026-11", 15, "2026-10-16", "2026-11-15")]
    [InlineData("2026-Q4", 14, "2026-09-15", "2026-12-14")]   // legal.md: the 15th of the month before to the 14th of its last month
    [InlineData("2026", 14, "2025-12-15", "2026-12-14")]
    [InlineData("2026-01", 25, "2025-12-26", "2026-01-25")]
    public void A_named_period_runs_between_the_cut_off_days(string name, int? cutOff, string from, string to)
    {
        var period = ReportPeriods.Parse(name, cutOff)!.Value;
        Assert.Equal((Date(from), Date(to)), (period.From, period.To));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("11/2026")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_period(string? name) => Assert.Null(ReportPeriods.Parse(name, 15));

    [Fact]
    public void A_day_after_the_cut_off_already_counts_in_the_next_month()
    {
        Assert.Equal("2026-12", ReportPeriods.MonthOf(new LocalDate(2026, 11, 16), 15));
        Assert.Equal("2026-11", ReportPeriods.MonthOf(new LocalDate(2026, 11, 15), 15));
        Assert.Equal("2026-11", ReportPeriods.MonthOf(new LocalDate(2026, 11, 30), null));
    }

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
