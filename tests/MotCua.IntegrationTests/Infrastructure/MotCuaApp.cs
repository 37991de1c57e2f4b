using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// MotCua in memory on one database, migrated and seeded with the demo province exactly as `dotnet run` does.
/// The same test classes run against <see cref="SqliteApp"/> and <see cref="PostgresApp"/>.
/// </summary>
public abstract class MotCuaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "MotCua@2026";

    /// <summary>The portal's configured public address in tests: what slips and messages must carry.</summary>
    public const string PublicBaseUrl = "https://dichvucong.anbinh.gov.vn";

    /// <summary>The feedback hotline the test province prints on its receipt slips.</summary>
    public const string Hotline = "0200 3812 345";

    public abstract string ProviderName { get; }

    /// <summary>This host's e-mail pickup folder (each host its own: application codes repeat across test databases).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "motcua-tests", "mail", Guid.NewGuid().ToString("N"));

    protected abstract string SqliteConnection { get; }

    protected abstract string PostgresConnection { get; }

    public virtual Task InitializeAsync()
    {
        // Building the host runs Program: migrations and the demo seed happen here.
        _ = Server;
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeDatabaseAsync();
        if (_national.IsValueCreated)
        {
            await _national.Value.DisposeAsync();
        }
    }

    private readonly Lazy<NationalPortalHost> _national = new(NationalPortalHost.Start);

    /// <summary>The simulated national portal this host pushes its applications to, over HTTP on loopback.</summary>
    public NationalPortalHost NationalPortal => _national.Value;

    protected virtual Task DisposeDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Postgres", PostgresConnection);
        builder.UseSetting("MOTCUA_POSTGRES", PostgresConnection);
        builder.UseSetting("ConnectionStrings:Sqlite", SqliteConnection);
        builder.UseSetting("Seed:Demo", "true");
        // Figures straight from the counters: a test reads them right after the changes it makes.
        builder.UseSetting("Indicators:FiguresCacheSeconds", "0");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:TrackingPerMinute", "100000");
        builder.UseSetting("Security:HttpsRedirect", "false");
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Portal:Hotline", Hotline);
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("NationalPortal:Enabled", "true");
        builder.UseSetting("NationalPortal:BaseUrl", NationalPortal.BaseUrl);
        builder.UseSetting("NationalPortal:ClientId", NationalPortalHost.ClientId);
        builder.UseSetting("NationalPortal:Secret", NationalPortalHost.Secret);
        builder.UseSetting("NationalData:Enabled", "true");
        builder.UseSetting("NationalData:BaseUrl", NationalPortal.BaseUrl);
        builder.UseSetting("NationalData:ClientId", NationalPortalHost.DataClientId);
        builder.UseSetting("NationalData:Secret", NationalPortalHost.DataSecret);
        builder.UseSetting("NationalIdentity:Enabled", "true");
        builder.UseSetting("NationalIdentity:Authority", NationalPortal.BaseUrl + NationalPortalHost.IdentityPath);
        builder.UseSetting("NationalIdentity:ClientId", NationalPortalHost.IdentityClientId);
        builder.UseSetting("NationalIdentity:ClientSecret", NationalPortalHost.IdentitySecret);
        builder.UseSetting("NationalReporting:Enabled", "true");
        foreach (var (i, name, path) in new[] { (0, "bao-cao-quoc-gia", "/bao-cao"), (1, "giam-sat-chinh-phu-so", "/giam-sat") })
        {
            builder.UseSetting($"NationalReporting:Targets:{i}:Name", name);
            builder.UseSetting($"NationalReporting:Targets:{i}:BaseUrl", NationalPortal.BaseUrl + path);
            builder.UseSetting($"NationalReporting:Targets:{i}:ClientId", NationalPortalHost.ReportingClientId);
            builder.UseSetting($"NationalReporting:Targets:{i}:Secret", NationalPortalHost.ReportingSecret);
        }

        builder.UseSetting("Storage:Folder", Path.Combine(Path.GetTempPath(), "motcua-tests", "files"));
        builder.UseSetting("Systems:Clients:0:Id", "test-payments");
        builder.UseSetting("Systems:Clients:0:Name", "Cổng thanh toán kiểm thử");
        builder.UseSetting("Systems:Clients:0:KeySha256", SystemKeySha256);
        builder.UseSetting("Systems:Clients:0:Actions:0", "payment-confirmed");
        builder.UseSetting("Systems:Clients:1:Id", "test-reader");
        builder.UseSetting("Systems:Clients:1:Name", "Hệ thống chỉ đọc");
        builder.UseSetting("Systems:Clients:1:KeySha256", ReaderKeySha256);
        builder.UseSetting("Payments:DefaultProvider", "sandbox");
        builder.UseSetting("Payments:Providers:sandbox:DisplayName", "Cổng thanh toán thử nghiệm");
        builder.UseSetting("Payments:Providers:sandbox:TmnCode", SandboxMerchant);
        builder.UseSetting("Payments:Providers:sandbox:HashSecret", SandboxSecret);
        builder.UseSetting("Payments:Providers:sandbox:PayUrl", "/sandbox/vnpay/paymentv2/vpcpay.html");
        builder.UseSetting("Payments:Providers:sandbox:QueryUrl", "/sandbox/vnpay/merchant_webapi/api/transaction");
        builder.UseSetting("Payments:Providers:sandbox:StatementUrl", "/sandbox/vnpay/merchant_webapi/api/statement");
        builder.UseSetting("Payments:Providers:sandbox2:DisplayName", "Cổng thanh toán thử nghiệm (tài khoản thứ hai)");
        builder.UseSetting("Payments:Providers:sandbox2:TmnCode", SecondMerchant);
        builder.UseSetting("Payments:Providers:sandbox2:HashSecret", SecondSecret);
        builder.UseSetting("Payments:Providers:sandbox2:PayUrl", "/sandbox/vnpay/paymentv2/vpcpay.html");
        builder.UseSetting("Payments:Providers:sandbox2:QueryUrl", "/sandbox/vnpay/merchant_webapi/api/transaction");
        builder.UseSetting("Payments:QueryEverySeconds", "0");
        builder.UseSetting("Payments:QueryAfterMinutes", "0");
        builder.UseSetting("Payments:Sandbox:Enabled", "true");
        builder.UseSetting("Payments:Sandbox:Merchants:0:TmnCode", SandboxMerchant);
        builder.UseSetting("Payments:Sandbox:Merchants:0:Name", "Dịch vụ công tỉnh An Bình");
        builder.UseSetting("Payments:Sandbox:Merchants:0:HashSecret", SandboxSecret);
        builder.UseSetting("Payments:Sandbox:Merchants:0:IpnUrl", "/api/v1/payments/vnpay/ipn");
        builder.UseSetting("Payments:Sandbox:Merchants:1:TmnCode", SecondMerchant);
        builder.UseSetting("Payments:Sandbox:Merchants:1:Name", "Tài khoản thu thứ hai của tỉnh An Bình");
        builder.UseSetting("Payments:Sandbox:Merchants:1:HashSecret", SecondSecret);
        builder.UseSetting("Payments:Sandbox:Merchants:1:IpnUrl", "/api/v1/payments/vnpay/ipn");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(ConfigureServices);

        // The sandbox gateway's server-to-server notice reaches this in-memory host as it would reach a real one over HTTP.
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(MotCua.Web.Modules.Payments.Gateways.Sandbox.SandboxGateway.NoticeClient).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            services.AddHttpClient(MotCua.Web.Modules.Payments.Gateways.VnPay.VnPayGateway.ApiClient).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }

    /// <summary>The portal's merchant code and hash secret at the sandbox gateway in tests.</summary>
    public const string SandboxMerchant = "MOTCUA01";
    public const string SandboxSecret = "TESTSECRETFORTHESANDBOXGATEWAY01";

    /// <summary>A second merchant at the sandbox, with a secret of its own: the provider "sandbox2" a unit may collect through.</summary>
    public const string SecondMerchant = "MOTCUA02";
    public const string SecondSecret = "TESTSECRETOFTHESECONDMERCHANT002";

    /// <summary>The key of the test payment system ("test-payments", may confirm payments) and its SHA-256.</summary>
    public const string SystemKey = "test-system-key";
    private const string SystemKeySha256 = "498180d410318424a397bb6686caa74c30129d6ea462200845b1505494a89bb1";

    /// <summary>A system with a key but no action granted.</summary>
    public const string ReaderKey = "khoa-cong-thanh-toan-thu-nghiem";
    private const string ReaderKeySha256 = "3799e6430f09ef2788d368fb97fc55f9a7b0b1fb18bee7ab79a88cf1edb32eb4";

    /// <summary>A client that authenticates as an outside system with the given key.</summary>
    public HttpClient SystemClient(string key = SystemKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "ApiKey " + key);
        return client;
    }

    /// <summary>Services a test host adds (a consumer that fails on purpose, say).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    /// <summary>"Testing" by default; "Development" for the README's own run command.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Settings a test host changes on top of the defaults above (stricter limits, https).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

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

public class SqliteApp : MotCuaApp
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

public class PostgresApp : MotCuaApp
{
    private readonly string _database;

    public PostgresApp() => _database = $"motcua_test_{Guid.NewGuid():N}";

    /// <summary>A database another host already made: several nodes on one database.</summary>
    protected PostgresApp(string database) => _database = database;

    public string DatabaseName => _database;

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

/// <summary>As `dotnet run` starts it (Development), where errors once became an HTML page.</summary>
public sealed class DevelopmentSqliteApp : SqliteApp
{
    protected override string EnvironmentName => "Development";
}

/// <summary>As production runs it: https only, and small rate limits so tests reach them.</summary>
public sealed class StrictSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => StrictSettings.Values;
}

public sealed class DevelopmentPostgresApp : PostgresApp
{
    protected override string EnvironmentName => "Development";
}

public sealed class StrictPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string> Settings => StrictSettings.Values;
}

public static class StrictSettings
{
    public const int PerMinute = 3;

    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["Security:HttpsRedirect"] = "true",
        ["Security:HttpsPort"] = "443",
        ["RateLimits:SignInPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:TrackingPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A host of its own, on its own database, with the given settings on top of the defaults.</summary>
public sealed class ConfiguredSqliteApp(IReadOnlyDictionary<string, string> settings) : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => settings;
}

public sealed class ConfiguredPostgresApp(IReadOnlyDictionary<string, string> settings) : PostgresApp
{
    protected override IReadOnlyDictionary<string, string> Settings => settings;
}
