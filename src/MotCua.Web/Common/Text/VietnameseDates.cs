using System.Globalization;
using NodaTime;

namespace MotCua.Web.Common.Text;

/// <summary>Dates and times as Vietnamese readers expect them: "16:00 thứ Sáu, 27/11/2026".</summary>
public static class VietnameseDates
{
    /// <summary>Asia/Ho_Chi_Minh: the zone days are shown and counted in.</summary>
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(Zone).Date.ToDateOnly();
    }

    public static string Weekday(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "thứ Hai",
        IsoDayOfWeek.Tuesday => "thứ Ba",
        IsoDayOfWeek.Wednesday => "thứ Tư",
        IsoDayOfWeek.Thursday => "thứ Năm",
        IsoDayOfWeek.Friday => "thứ Sáu",
        IsoDayOfWeek.Saturday => "thứ Bảy",
        IsoDayOfWeek.Sunday => "Chủ nhật",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };

    /// <summary>"27/11/2026".</summary>
    public static string Short(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"thứ Sáu, 27/11/2026" inside a sentence; "Thứ Sáu, 27/11/2026" at its start or alone in a cell.</summary>
    public static string Date(LocalDate date, bool capitalized = false)
    {
        var weekday = Weekday(date.DayOfWeek);
        return $"{(capitalized ? char.ToUpperInvariant(weekday[0]) + weekday[1..] : weekday)}, {Short(date)}";
    }

    /// <summary>"16:00 thứ Sáu, 27/11/2026".</summary>
    public static string TimeAndDate(LocalDateTime when) =>
        $"{when.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {Date(when.Date)}";
}
