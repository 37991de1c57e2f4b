using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MotCua.Web.Common.Persistence;

/// <summary>Something a module puts in a new database (the demo province, the demo accounts).</summary>
public interface IDatabaseSeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>True for demo data (embedded default or `seed-demo` only); false for what every database needs.</summary>
    bool DemoOnly { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>The start-up step: reach the database, apply migrations, seed the demo when asked.</summary>
public static class DatabaseStartup
{
    /// <summary>Returns false (after saying why, in plain words) when the database cannot be reached.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app, bool forceDemoSeed = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MotCua.Database");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        try
        {
            await CheckReachableAsync(database);
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}", pending.Count, database.Describe(), string.Join(", ", pending));
                await db.Database.MigrateAsync();
            }
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            var message =
                $"Không kết nối được cơ sở dữ liệu ({database.Describe()}): {Innermost(ex).Message}{Environment.NewLine}" +
                "Kiểm tra ConnectionStrings:Postgres (hoặc biến môi trường MOTCUA_POSTGRES) và máy chủ cơ sở dữ liệu, rồi chạy lại. " +
                "Bỏ cả hai thiết lập này để chạy với SQLite nhúng." + Environment.NewLine +
                $"Cannot reach the database ({database.Describe()}). MotCua did not start.";
            await Console.Error.WriteLineAsync(message);
            logger.LogCritical("Database unreachable: {Database}: {Reason}", database.Describe(), Innermost(ex).Message);
            return false;
        }

        var demo = database.SeedDemo || forceDemoSeed;
        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder>().Where(s => demo || !s.DemoOnly).OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        return true;
    }

    /// <summary>Opens a plain connection first, so an unreachable server gives one clear message, not EF's error log.</summary>
    private static async Task CheckReachableAsync(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        if (builder.Timeout > 10)
        {
            builder.Timeout = 10;
        }

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but the database does not exist yet: migrations create it.
        }
    }

    private static bool IsUnreachable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SocketException or TimeoutException
                || (e is InvalidOperationException && e.InnerException is NpgsqlException))
            {
                return true;
            }

            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 14 }) // SQLITE_CANTOPEN
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
