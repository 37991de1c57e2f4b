using System.Globalization;
using MotCua.Web.Common.Text;
using NodaTime;

namespace MotCua.Web.Common.Localization;

/// <summary>
/// Days and times on pages, in the reader's language and always in Vietnam's time: "16:00 thứ Sáu, 27/11/2026" or
/// "16:00 Friday, 27/11/2026". Slips do not come here: they stay Vietnamese (<see cref="VietnameseDates"/>).
/// </summary>
public static class PortalDates
{
    /// <summary>"thứ Sáu, 27/11/2026" / "Friday, 27/11/2026".</summary>
    public static string Day(LocalDate date, bool capitalized = false) =>
        Texts.IsEnglish
            ? $"{date.DayOfWeek.ToString()}, {VietnameseDates.Short(date)}"
            : VietnameseDates.Date(date, capitalized);

    /// <summary>"16:00 thứ Sáu, 27/11/2026" / "16:00 Friday, 27/11/2026".</summary>
    public static string When(LocalDateTime when) =>
        $"{when.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {Day(when.Date)}";

    /// <summary>An instant as Vietnam's clock showed it.</summary>
    public static string When(Instant instant) => When(instant.InZone(VietnameseDates.Zone).LocalDateTime);

    /// <summary>The weekday alone: "thứ Sáu" / "Friday".</summary>
    public static string Weekday(IsoDayOfWeek day) => Texts.IsEnglish ? day.ToString() : VietnameseDates.Weekday(day);
}
