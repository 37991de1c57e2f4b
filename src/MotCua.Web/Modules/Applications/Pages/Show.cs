using MotCua.Web.Modules.Applications.Access;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>How pages show instants: Vietnam time, "16:00 thứ Sáu, 27/11/2026".</summary>
public static class Show
{
    private static readonly string[] Weekdays = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    public static string Time(Instant instant)
    {
        var local = instant.InZone(ApplicationAccess.Vietnam).LocalDateTime;
        return $"{local:HH:mm} {Weekdays[(int)local.DayOfWeek % 7]}, {local:dd/MM/yyyy}";
    }

    public static string Time(Instant? instant) => instant is Instant i ? Time(i) : "—";
}
