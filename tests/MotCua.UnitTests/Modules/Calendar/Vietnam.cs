using System.Globalization;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using NodaTime.Text;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.UnitTests.Modules.Calendar;

/// <summary>The 2026 calendar of Vietnamese state bodies, written out here so each test reads on its own.</summary>
internal static class Vietnam
{
    public static readonly DateTimeZone Zone = WorkingCalendar.VietnamZone;

    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");

    public static IReadOnlyList<CalendarDay> Days2026 { get; } =
    [
        Off("2026-01-01", "Tết Dương lịch"),
        Off("2026-02-16", "Tết Nguyên Đán"),
        Off("2026-02-17", "Tết Nguyên Đán"),
        Off("2026-02-18", "Tết Nguyên Đán"),
        Off("2026-02-19", "Tết Nguyên Đán"),
        Off("2026-02-20", "Tết Nguyên Đán"),
        Off("2026-04-27", "Giỗ Tổ Hùng Vương (nghỉ bù)"),
        Off("2026-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước"),
        Off("2026-05-01", "Ngày Quốc tế Lao động"),
        new(Date("2026-08-22"), CalendarDayKind.MakeUpWorkingDay, "Làm việc bù cho ngày nghỉ 31/8"),
        Off("2026-08-31", "Quốc khánh (nghỉ hoán đổi)"),
        Off("2026-09-01", "Quốc khánh (ngày nghỉ liền kề)"),
        Off("2026-09-02", "Quốc khánh"),
    ];

    /// <summary>2026 with the default hours: 08:00–12:00, 13:00–17:00, transfer cut-off 15:00.</summary>
    public static WorkingCalendar Calendar2026 { get; } = new(Days2026, WorkingHours.Default, Zone);

    public static LocalDate Date(string isoDate) => LocalDatePattern.Iso.Parse(isoDate).Value;

    /// <summary>"2026-11-27 16:00" in Vietnam.</summary>
    public static Instant At(string local)
    {
        var result = Minutes.Parse(local);
        var value = result.Success ? result.Value : Seconds.Parse(local).Value;
        return value.InZoneStrictly(Zone).ToInstant();
    }

    /// <summary>The instant as Vietnamese wall-clock time, "2026-11-27 16:00" (seconds only when there are some).</summary>
    public static string Local(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        return local.Second == 0 && local.NanosecondOfSecond == 0
            ? Minutes.Format(local)
            : local.ToString("uuuu'-'MM'-'dd HH':'mm':'ss.FFFFFFFFF", CultureInfo.InvariantCulture);
    }

    private static CalendarDay Off(string date, string name) => new(Date(date), CalendarDayKind.Holiday, name);
}
