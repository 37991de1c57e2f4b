using static MotCua.UnitTests.Modules.Calendar.Vietnam;

namespace MotCua.UnitTests.Modules.Calendar;

/// <summary>Legal.md, step 3: an online filing outside working hours counts from the next working period.</summary>
public sealed class ReceivedAtTests
{
    [Theory]
    [InlineData("2026-11-24 08:00")]
    [InlineData("2026-11-24 09:15")]
    [InlineData("2026-11-24 11:59")]
    [InlineData("2026-11-24 13:00")]
    [InlineData("2026-11-24 16:59")]
    public void Online_application_sent_inside_working_hours_counts_at_once(string sent) =>
        Assert.Equal(sent, Local(Calendar2026.ReceivedAt(At(sent))));

    [Fact]
    public void Online_application_sent_at_7_counts_from_8_the_same_morning() =>
        Assert.Equal("2026-11-24 08:00", Local(Calendar2026.ReceivedAt(At("2026-11-24 07:00"))));

    [Fact]
    public void Online_application_sent_just_after_midnight_counts_from_8_that_morning() =>
        Assert.Equal("2026-11-24 08:00", Local(Calendar2026.ReceivedAt(At("2026-11-24 00:05"))));

    [Theory]
    [InlineData("2026-11-24 12:00")]
    [InlineData("2026-11-24 12:30")]
    [InlineData("2026-11-24 12:59")]
    public void Online_application_sent_at_lunch_counts_from_13(string sent) =>
        Assert.Equal("2026-11-24 13:00", Local(Calendar2026.ReceivedAt(At(sent))));

    [Theory]
    [InlineData("2026-11-24 17:00")]
    [InlineData("2026-11-24 17:01")]
    [InlineData("2026-11-24 22:30")]
    [InlineData("2026-11-24 23:59")]
    public void Online_application_sent_from_17_counts_from_the_next_working_morning(string sent) =>
        Assert.Equal("2026-11-25 08:00", Local(Calendar2026.ReceivedAt(At(sent))));

    [Fact]
    public void Online_application_sent_at_16_59_59_still_counts_that_day() =>
        Assert.Equal("2026-11-24 16:59:59", Local(Calendar2026.ReceivedAt(At("2026-11-24 16:59:59"))));

    [Fact]
    public void Online_application_sent_on_Saturday_counts_from_Monday_morning() =>
        Assert.Equal("2026-11-30 08:00", Local(Calendar2026.ReceivedAt(At("2026-11-28 10:00"))));

    [Fact]
    public void Online_application_sent_on_Sunday_counts_from_Monday_morning() =>
        Assert.Equal("2026-11-30 08:00", Local(Calendar2026.ReceivedAt(At("2026-11-29 15:00"))));

    [Fact]
    public void Online_application_sent_on_Friday_evening_counts_from_Monday_morning() =>
        Assert.Equal("2026-11-30 08:00", Local(Calendar2026.ReceivedAt(At("2026-11-27 17:01"))));

    [Fact]
    public void Online_application_sent_the_evening_before_Tet_counts_from_the_first_working_day_after_Tet() =>
        Assert.Equal("2026-02-23 08:00", Local(Calendar2026.ReceivedAt(At("2026-02-13 18:00"))));

    [Fact]
    public void Online_application_sent_during_Tet_counts_from_the_first_working_day_after_Tet() =>
        Assert.Equal("2026-02-23 08:00", Local(Calendar2026.ReceivedAt(At("2026-02-17 10:00"))));

    [Fact]
    public void Online_application_sent_on_30_April_counts_from_Monday_4_May() =>
        Assert.Equal("2026-05-04 08:00", Local(Calendar2026.ReceivedAt(At("2026-04-30 09:00"))));

    [Fact]
    public void Online_application_sent_on_Sunday_26_April_counts_from_Tuesday_because_Monday_is_the_compensation_day() =>
        Assert.Equal("2026-04-28 08:00", Local(Calendar2026.ReceivedAt(At("2026-04-26 10:00"))));

    [Fact]
    public void Online_application_sent_on_Friday_evening_before_the_make_up_Saturday_counts_from_Saturday_morning() =>
        Assert.Equal("2026-08-22 08:00", Local(Calendar2026.ReceivedAt(At("2026-08-21 18:00"))));

    [Fact]
    public void Online_application_sent_on_the_make_up_Saturday_counts_at_once() =>
        Assert.Equal("2026-08-22 10:00", Local(Calendar2026.ReceivedAt(At("2026-08-22 10:00"))));

    [Fact]
    public void Online_application_sent_before_National_Day_counts_from_Thursday_3_September() =>
        Assert.Equal("2026-09-03 08:00", Local(Calendar2026.ReceivedAt(At("2026-08-28 17:30"))));

    [Fact]
    public void Online_application_sent_on_New_Years_Eve_counts_from_Friday_2_January() =>
        Assert.Equal("2026-01-02 08:00", Local(Calendar2026.ReceivedAt(At("2025-12-31 20:00"))));

    [Fact]
    public void A_submission_time_given_in_UTC_is_read_in_Vietnam_time()
    {
        // 2026-11-24T10:30Z is 17:30 in Hà Nội: after hours.
        var sent = NodaTime.Text.InstantPattern.ExtendedIso.Parse("2026-11-24T10:30:00Z").Value;
        Assert.Equal("2026-11-25 08:00", Local(Calendar2026.ReceivedAt(sent)));
    }
}
