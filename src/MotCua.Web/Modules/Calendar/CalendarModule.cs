using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Calendar.Api;
using MotCua.Web.Modules.Calendar.Data;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.Web.Modules.Calendar;

/// <summary>
/// The working calendar of the one-stop (docs/adr/0007-working-calendar.md): holidays, make-up days and office hours.
/// Catalog and Applications count time limits through <see cref="WorkingCalendarProvider"/> and <see cref="IWorkingTime"/>.
/// </summary>
public static class CalendarModule
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<WorkingCalendarProvider>();
        builder.Services.AddScoped<IDatabaseSeeder, PublicHolidaysSeed>();
        return builder;
    }

    public static WebApplication MapCalendar(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CalendarEndpoints.Map(app.MapGroup("/api/v1").WithTags("Lịch làm việc"));
        return app;
    }
}
