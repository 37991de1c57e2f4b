using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Deadlines.Api;
using MotCua.Web.Modules.Applications.Deadlines.Data;

namespace MotCua.Web.Modules.Applications.Deadlines;

/// <summary>The working calendar and deadlines of the one-stop (docs/adr/0007-working-calendar.md).</summary>
public static class DeadlinesSetup
{
    public static WebApplicationBuilder AddDeadlines(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<WorkingCalendarProvider>();
        builder.Services.AddScoped<IDatabaseSeeder, PublicHolidaysSeed>();
        return builder;
    }

    public static WebApplication MapDeadlines(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DeadlineEndpoints.Map(app.MapGroup("/api/v1").WithTags("Thời hạn giải quyết"));
        return app;
    }
}
