using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Common.Text;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class VietnameseDatesTests
{
    [Theory]
    [InlineData("2026-11-23", "thứ Hai, 23/11/2026")]
    [InlineData("2026-11-24", "thứ Ba, 24/11/2026")]
    [InlineData("2026-11-25", "thứ Tư, 25/11/2026")]
    [InlineData("2026-11-26", "thứ Năm, 26/11/2026")]
    [InlineData("2026-11-27", "thứ Sáu, 27/11/2026")]
    [InlineData("2026-11-28", "thứ Bảy, 28/11/2026")]
    [InlineData("2026-11-29", "Chủ nhật, 29/11/2026")]
    public void Dates_read_with_Vietnamese_weekday_names(string date, string expected) =>
        Assert.Equal(expected, VietnameseDates.Date(Date(date)));

    [Fact]
    public void A_date_alone_in_a_cell_starts_with_a_capital() =>
        Assert.Equal("Thứ Sáu, 27/11/2026", VietnameseDates.Date(Date("2026-11-27"), capitalized: true));

    [Fact]
    public void A_due_time_reads_hour_then_date() =>
        Assert.Equal("16:00 thứ Sáu, 27/11/2026", VietnameseDates.TimeAndDate(new LocalDateTime(2026, 11, 27, 16, 0)));
}
