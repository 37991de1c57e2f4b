using static MotCua.UnitTests.Modules.Calendar.Vietnam;

namespace MotCua.UnitTests.Modules.Calendar;

/// <summary>Legal.md, step 2: transfer the same working day, or at the start of the next one when received after 15:00.</summary>
public sealed class TransferDeadlineTests
{
    private static string Transfer(string received) => Local(Calendar2026.TransferDeadline(At(received)));

    [Theory]
    [InlineData("2026-11-24 08:00")]
    [InlineData("2026-11-24 10:00")]
    [InlineData("2026-11-24 14:59")]
    [InlineData("2026-11-24 15:00")]
    public void Received_by_15_the_file_is_handed_over_by_17_the_same_day(string received) =>
        Assert.Equal("2026-11-24 17:00", Transfer(received));

    [Theory]
    [InlineData("2026-11-24 15:01")]
    [InlineData("2026-11-24 16:59")]
    [InlineData("2026-11-24 17:30")]
    public void Received_after_15_the_file_is_handed_over_by_noon_the_next_working_day(string received) =>
        Assert.Equal("2026-11-25 12:00", Transfer(received));

    [Fact]
    public void Received_on_Friday_afternoon_the_file_is_handed_over_by_Monday_noon() =>
        Assert.Equal("2026-11-30 12:00", Transfer("2026-11-27 16:00"));

    [Fact]
    public void Received_on_the_last_afternoon_before_Tet_the_file_is_handed_over_after_Tet() =>
        Assert.Equal("2026-02-23 12:00", Transfer("2026-02-13 16:00"));

    [Fact]
    public void Received_at_a_desk_open_on_Saturday_the_file_is_handed_over_by_Monday_noon() =>
        Assert.Equal("2026-11-30 12:00", Transfer("2026-11-28 09:00"));

    [Fact]
    public void Received_on_the_make_up_Saturday_the_file_is_handed_over_that_day() =>
        Assert.Equal("2026-08-22 17:00", Transfer("2026-08-22 09:30"));

    [Fact]
    public void An_online_filing_of_Saturday_counted_on_Monday_morning_is_handed_over_on_Monday() =>
        Assert.Equal("2026-11-30 17:00", Local(Calendar2026.TransferDeadline(Calendar2026.ReceivedAt(At("2026-11-28 22:00")))));
}
