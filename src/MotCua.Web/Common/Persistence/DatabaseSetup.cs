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
        builder.Services.AddDbContextPool<MotCuaDbContext>((services, options) =>
        {
            Configure(options, database);

            // Every save asks the modules what it means for the outside world (Common/Outbox).
            if (services.GetService<Outbox.OutboxWriter>() is { } outbox)
            {
                options.AddInterceptors(outbox);
            }
        });
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
                options.UseNpgsql(WithAutoPrepare(database.ConnectionString), npgsql => npgsql
                    .MigrationsAssembly("MotCua.Migrations.Postgres")
                    .EnableRetryOnFailure(3));
                break;
            default:
                options.UseSqlite(database.ConnectionString, sqlite => sqlite
                    .MigrationsAssembly("MotCua.Migrations.Sqlite"));
                break;
        }

        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        options.AddInterceptors(TextColumnGuard.Instance);
    }

    /// <summary>
    /// Npgsql prepares the statements a connection sends most often (MotCua sends the same few again and again), so
    /// PostgreSQL parses and plans them once per connection instead of on every request. A connection string that sets
    /// Max Auto Prepare itself keeps its value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
