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
        builder.Services.AddScoped<ProcedureSearch>();
        builder.Services.AddScoped<IDatabaseSeeder, DemoProvinceSeed>();
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CatalogEndpoints.Map(app.MapGroup("/api/v1").WithTags("Danh mục thủ tục"));
        ExpectedDateEndpoint.Map(app.MapGroup("/api/v1").WithTags("Thời hạn giải quyết"));
        return app;
    }
}
