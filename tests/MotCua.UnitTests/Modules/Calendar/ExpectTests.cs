using MotCua.Web.Modules.Catalog.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class ExpectTests
{
    private static readonly ProcessingTime WithinTheDay = new(8, TimeUnit.WorkingHours);
    private static readonly ProcessingTime ThreeDays = new(3, TimeUnit.WorkingDays);

    [Fact]
    public void A_birth_registration_sent_on_Tuesday_morning_is_due_Wednesday_morning()
    {
        var expected = Calendar2026.Expect(At("2026-11-24 09:00"), WithinTheDay);
        Assert.Equal("2026-11-24 09:00", Local(expected.SubmittedAt));
        Assert.Equal("2026-11-24 09:00", Local(expected.ReceivedAt));
        Assert.Equal("2026-11-25 09:00", Local(expected.DueAt));
    }

    [Fact]
    public void Sent_Thursday_at_16_within_the_day_is_due_Friday_at_16() =>
        Assert.Equal("2026-11-27 16:00", Local(Calendar2026.Expect(At("2026-11-26 16:00"), WithinTheDay).DueAt));

    [Fact]
    public void Sent_on_Saturday_within_the_day_is_due_Monday_at_17()
    {
        var expected = Calendar2026.Expect(At("2026-11-28 10:00"), WithinTheDay);
        Assert.Equal("2026-11-30 08:00", Local(expected.ReceivedAt));
        Assert.Equal("2026-11-30 17:00", Local(expected.DueAt));
    }

    [Fact]
    public void Sent_on_Sunday_with_three_working_days_is_due_Wednesday_at_17() =>
        Assert.Equal("2026-12-02 17:00", Local(Calendar2026.Expect(At("2026-11-29 21:00"), ThreeDays).DueAt));

    [Fact]
    public void Sent_the_evening_before_Tet_is_received_and_due_after_Tet()
    {
        var expected = Calendar2026.Expect(At("2026-02-13 18:00"), WithinTheDay);
        Assert.Equal("2026-02-23 08:00", Local(expected.ReceivedAt));
        Assert.Equal("2026-02-23 17:00", Local(expected.DueAt));
    }

    [Fact]
    public void Sent_at_lunch_with_four_working_hours_is_due_at_17() =>
        Assert.Equal("2026-11-24 17:00", Local(Calendar2026.Expect(At("2026-11-24 12:30"), new(4, TimeUnit.WorkingHours)).DueAt));

    [Fact]
    public void Sent_at_16_59_with_four_working_hours_is_due_next_morning_at_11_59() =>
        Assert.Equal("2026-11-25 11:59", Local(Calendar2026.Expect(At("2026-11-24 16:59"), new(4, TimeUnit.WorkingHours)).DueAt));

    [Fact]
    public void Sent_at_17_01_with_four_working_hours_is_due_next_day_at_noon() =>
        Assert.Equal("2026-11-25 12:00", Local(Calendar2026.Expect(At("2026-11-24 17:01"), new(4, TimeUnit.WorkingHours)).DueAt));

    [Fact]
    public void Sent_before_the_make_up_Saturday_uses_it() =>
        Assert.Equal("2026-08-24 17:00", Local(Calendar2026.Expect(At("2026-08-21 08:00"), ThreeDays).DueAt));

    [Fact]
    public void The_Vietnam_zone_is_UTC_plus_7_all_year_without_daylight_saving()
    {
        foreach (var month in Enumerable.Range(1, 12))
        {
            var instant = At($"2026-{month:00}-15 12:00");
            Assert.Equal(NodaTime.Offset.FromHours(7), Zone.GetUtcOffset(instant));
        }

        // So nothing shifts at the end of March, when Europe changes its clocks.
        Assert.Equal("2026-04-01 17:00", Local(Calendar2026.Expect(At("2026-03-27 17:30"), ThreeDays).DueAt));
    }
}
