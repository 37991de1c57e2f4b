using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Web.Common.Persistence;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddMotCuaDatabase(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContextPool<MotCuaDbContext>(options => Configure(options, database));
        builder.Services.AddDataProtection()
            .SetApplicationName("MotCua")
            .PersistKeysToDbContext<MotCuaDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<MotCuaDbContext>("database");
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString, npgsql => npgsql
                    .MigrationsAssembly("MotCua.Migrations.Postgres")
                    .EnableRetryOnFailure(3));
                break;
            default:
                options.UseSqlite(database.ConnectionString, sqlite => sqlite
                    .MigrationsAssembly("MotCua.Migrations.Sqlite"));
                break;
        }

        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }
}
