using MotCua.Web.Modules.Audit.Api;
using MotCua.Web.Modules.Audit.Public;

namespace MotCua.Web.Modules.Audit;

/// <summary>The audit trail of administrative changes (units, accounts, roles, catalog, calendar): append-only.</summary>
public static class AuditModule
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AuditQuery>();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        AuditEndpoints.Map(app.MapGroup("/api/v1").WithTags("Quản trị"));
        return app;
    }
}
