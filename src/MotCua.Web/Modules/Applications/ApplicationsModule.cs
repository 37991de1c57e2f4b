using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Slips;
using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Applications.Transitions;

namespace MotCua.Web.Modules.Applications;

public static class ApplicationsModule
{
    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ApplicationCodes>();
        services.AddScoped<SubmitHandler>();
        services.AddScoped<TransitionHandler>();
        services.AddScoped<DocumentUpload>();
        services.AddScoped<StagedUploads>();
        services.AddScoped<SlipBuilder>();
        services.AddSingleton<Common.Outbox.IOutboxSource, Events.ApplicationOutboxSource>();
        services.AddScoped<Public.ApplicantContacts>();
        services.AddScoped<Public.ApplicationPayments>();
        services.AddScoped<Public.ApplicationFigures>();
        services.AddScoped<Public.CountedApplications>();
        services.AddScoped<Catalog.Public.IUnitTreeListener, Reorganisation.ApplicationsFollowTheTree>();
        return builder;
    }

    public static WebApplication MapApplications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").WithTags("Hồ sơ");
        SubmitEndpoint.Map(api);
        TransitionEndpoint.Map(api);
        DocumentEndpoints.Map(api);
        QueryEndpoints.Map(api);
        SlipEndpoints.Map(api);
        return app;
    }
}
