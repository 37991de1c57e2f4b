using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Common.Localization;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>How the applicant's pages show instants: Vietnam time, "16:00 thứ Sáu, 27/11/2026" (in English "16:00 Friday, 27/11/2026").</summary>
public static class Show
{
    public static string Time(Instant instant) => PortalDates.When(instant.InZone(ApplicationAccess.Vietnam).LocalDateTime);

    public static string Time(Instant? instant) => instant is Instant i ? Time(i) : "—";
}
