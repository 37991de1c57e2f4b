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
        // The keys live in the database, where every node of a cluster reads them (ADR 0017). A certificate, when one is
        // configured, encrypts them at rest; without one the database's own protection is theirs, and the framework's
        // warning about it is left out of the console.
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("MotCua")
            .PersistKeysToDbContext<MotCuaDbContext>();
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }
        else
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }
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
                // SQLite rebuilds a changed table with foreign keys off ("PRAGMA foreign_keys = 0"), which it cannot do
                // inside a transaction: EF warns on every fresh database. The migrations are written for that; say nothing.
                options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
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
