using Microsoft.Extensions.Configuration;

namespace MotCua.Web.Common.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database MotCua runs on, decided once at start-up: PostgreSQL when ConnectionStrings:Postgres
/// (or MOTCUA_POSTGRES) is set, otherwise the embedded SQLite file under data/.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool SeedDemo)
{
    public const string PostgresEnvironmentVariable = "MOTCUA_POSTGRES";

    public bool IsEmbeddedDefault => Provider == DatabaseProvider.Sqlite;

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var postgres = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            postgres = configuration[PostgresEnvironmentVariable];
        }

        // The demo province is seeded on the embedded default only, unless Seed:Demo says otherwise.
        var seedSetting = configuration["Seed:Demo"];
        bool? seed = bool.TryParse(seedSetting, out var s) ? s : null;

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseOptions(DatabaseProvider.Postgres, postgres, seed ?? false);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            var folder = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(folder);
            sqlite = $"Data Source={Path.Combine(folder, "motcua.db")}";
        }

        return new DatabaseOptions(DatabaseProvider.Sqlite, sqlite, seed ?? true);
    }

    /// <summary>Where the database is, for messages: never the password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return "SQLite " + ConnectionString.Replace("Data Source=", string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var host = parts.GetValueOrDefault("host") ?? parts.GetValueOrDefault("server") ?? "localhost";
        var port = parts.GetValueOrDefault("port") ?? "5432";
        var database = parts.GetValueOrDefault("database") ?? parts.GetValueOrDefault("username") ?? "";
        return $"PostgreSQL {host}:{port}/{database}";
    }
}
