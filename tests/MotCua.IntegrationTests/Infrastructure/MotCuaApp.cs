using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// MotCua in memory on one database, migrated and seeded with the demo province exactly as `dotnet run` does.
/// The same test classes run against <see cref="SqliteApp"/> and <see cref="PostgresApp"/>.
/// </summary>
public abstract class MotCuaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "MotCua@2026";

    public abstract string ProviderName { get; }

    protected abstract string SqliteConnection { get; }

    protected abstract string PostgresConnection { get; }

    public virtual Task InitializeAsync()
    {
        // Building the host runs Program: migrations and the demo seed happen here.
        _ = Server;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeDatabaseAsync();

    protected virtual Task DisposeDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", PostgresConnection);
        builder.UseSetting("MOTCUA_POSTGRES", PostgresConnection);
        builder.UseSetting("ConnectionStrings:Sqlite", SqliteConnection);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Storage:Folder", Path.Combine(Path.GetTempPath(), "motcua-tests", "files"));
    }

    /// <summary>A client that carries a bearer token for the given account.</summary>
    public async Task<HttpClient> ApiClientFor(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client that keeps cookies and does not follow redirects.</summary>
    public PageClient Pages() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}

public sealed class SqliteApp : MotCuaApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "motcua-tests", $"{Guid.NewGuid():N}.db");

    public override string ProviderName => "SQLite";

    protected override string SqliteConnection => $"Data Source={_file}";

    protected override string PostgresConnection => string.Empty;

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        return base.InitializeAsync();
    }

    protected override Task DisposeDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}

public sealed class PostgresApp : MotCuaApp
{
    private readonly string _database = $"motcua_test_{Guid.NewGuid():N}";

    public override string ProviderName => "PostgreSQL";

    protected override string SqliteConnection => string.Empty;

    protected override string PostgresConnection =>
        new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnection) { Database = _database }.ConnectionString;

    protected override async Task DisposeDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "PostgreSQL";
}
