using MotCua.Web.Modules.Applications.Slips;
using MotCua.Web.Common.Pdf;

namespace MotCua.UnitTests.Modules.Applications.Slips;

public sealed class SlipTextTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void Times_read_hours_minutes_then_the_date() =>
        Assert.Equal("09 giờ 05 phút, ngày 04/02/2026", SlipText.Time(new DateTimeOffset(2026, 2, 4, 9, 5, 0, Vietnam)));

    [Fact]
    public void Times_are_printed_as_given_without_converting_the_offset() =>
        Assert.Equal("23 giờ 59 phút, ngày 31/12/2026", SlipText.Time(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(2026, 2, 4, "An Phú, ngày 04 tháng 02 năm 2026")]
    [InlineData(2026, 11, 24, "An Phú, ngày 24 tháng 11 năm 2026")]
    [InlineData(2026, 3, 1, "An Phú, ngày 01 tháng 3 năm 2026")]
    public void Place_and_date_line_pads_days_below_10_and_months_below_3(int year, int month, int day, string expected) =>
        Assert.Equal(expected, SlipText.PlaceAndDate("An Phú", new DateTimeOffset(year, month, day, 8, 0, 0, Vietnam)));

    [Fact]
    public void A_missing_time_prints_a_blank() =>
        Assert.Equal(SlipText.Blank, SlipText.Time(null));
}
