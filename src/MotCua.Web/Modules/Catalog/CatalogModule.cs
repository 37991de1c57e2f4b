using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Api;
using MotCua.Web.Modules.Catalog.Search;
using MotCua.Web.Modules.Catalog.Seed;

namespace MotCua.Web.Modules.Catalog;

public static class CatalogModule
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddSingleton<Public.CatalogDirectory>();
        builder.Services.AddSingleton<EForms.Public.IAddressPlaces, Units.TreeAddressPlaces>();
        builder.Services.AddScoped<ProcedureSearch>();
        builder.Services.AddScoped<IDatabaseSeeder, DemoProvinceSeed>();
        builder.Services.AddScoped<IDatabaseSeeder, Versions.FirstVersionsSeed>();
        builder.Services.AddScoped<IDatabaseSeeder, Search.SearchTextRefresh>();
        builder.Services.AddScoped<IDatabaseSeeder, NationalDataReplacementsSeed>();
        builder.Services.AddScoped<Versions.CatalogVersions>();
        builder.Services.AddScoped<Exchange.CatalogImport>();
        builder.Services.AddScoped<Exchange.CatalogExport>();
        builder.Services.AddScoped<Units.UnitTree>();
        builder.Services.AddScoped<Units.UnitTreeFile>();
        builder.Services.AddScoped<Admin.CheckedFiles>();
        builder.Services.AddScoped<Quality.CatalogQuality>();
        builder.Services.AddHostedService<Versions.ScheduledVersionsWorker>();
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CatalogEndpoints.Map(app.MapGroup("/api/v1").WithTags("Danh mục thủ tục"));
        CatalogAdminEndpoints.Map(app.MapGroup("/api/v1").WithTags("Quản trị"));
        UnitAdminEndpoints.Map(app.MapGroup("/api/v1").WithTags("Quản trị"));
        ExpectedDateEndpoint.Map(app.MapGroup("/api/v1").WithTags("Thời hạn giải quyết"));
        return app;
    }
}
