using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>MotCua on a real Kestrel port (embedded SQLite, demo province) and Debian's headless Chromium.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "motcua-browser-tests", $"{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running portal's services, to set up what no page can (a gateway's own records).</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);

        // A free port of its own, known before start: the portal's public address (return links, the sandbox gateway's
        // notice) must be the one the browser and the server really use.
        var port = FreePort();
        var publicBase = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", string.Empty);
            builder.UseSetting("MOTCUA_POSTGRES", string.Empty);
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_file}");
            builder.UseSetting("Seed:Demo", "true");
            // Figures straight from the counters: a test reads them right after the changes it makes.
            builder.UseSetting("Indicators:FiguresCacheSeconds", "0");
            builder.UseSetting("Security:HttpsRedirect", "false");
            builder.UseUrls(publicBase);
            builder.UseSetting("Portal:PublicBaseUrl", publicBase);
            builder.UseSetting("Payments:DefaultProvider", "sandbox");
            builder.UseSetting("Payments:Providers:sandbox:DisplayName", "Cổng thanh toán thử nghiệm");
            builder.UseSetting("Payments:Providers:sandbox:TmnCode", "MOTCUA01");
            builder.UseSetting("Payments:Providers:sandbox:HashSecret", "BROWSERTESTSECRETFORTHESANDBOX01");
            builder.UseSetting("Payments:Providers:sandbox:PayUrl", "/sandbox/vnpay/paymentv2/vpcpay.html");
            builder.UseSetting("Payments:Providers:sandbox:QueryUrl", "/sandbox/vnpay/merchant_webapi/api/transaction");
            builder.UseSetting("Payments:Providers:sandbox:StatementUrl", "/sandbox/vnpay/merchant_webapi/api/statement");
            builder.UseSetting("Payments:Sandbox:Enabled", "true");
            builder.UseSetting("Payments:Sandbox:Merchants:0:TmnCode", "MOTCUA01");
            builder.UseSetting("Payments:Sandbox:Merchants:0:Name", "Dịch vụ công tỉnh An Bình");
            builder.UseSetting("Payments:Sandbox:Merchants:0:HashSecret", "BROWSERTESTSECRETFORTHESANDBOX01");
            builder.UseSetting("Payments:Sandbox:Merchants:0:IpnUrl", "/api/v1/payments/vnpay/ipn");
            builder.UseSetting("Email:PickupFolder", MailFolder);

            // As on the embedded default: applications go to the simulated national portal this host serves itself.
            builder.UseSetting("NationalPortal:Enabled", "true");
            builder.UseSetting("NationalPortal:Simulator", "true");
            builder.UseSetting("NationalPortal:BaseUrl", "/sandbox/dvcqg");
            builder.UseSetting("NationalPortal:ClientId", "motcua-browser");
            builder.UseSetting("NationalPortal:Secret", "BROWSERTESTSECRETFORTHENATIONALPORTAL");
            builder.UseSetting("NationalData:Enabled", "true");
            builder.UseSetting("NationalData:Simulator", "true");
            builder.UseSetting("NationalData:BaseUrl", "/sandbox/ndxp");
            builder.UseSetting("NationalData:ClientId", "motcua-browser");
            builder.UseSetting("NationalData:Secret", "BROWSERTESTSECRETFORTHENATIONALDATA");
            builder.UseSetting("NationalIdentity:Enabled", "true");
            builder.UseSetting("NationalIdentity:Simulator", "true");
            builder.UseSetting("NationalIdentity:Authority", "/sandbox/vneid");
            builder.UseSetting("NationalIdentity:ClientId", "motcua-browser");
            builder.UseSetting("NationalIdentity:ClientSecret", "BROWSERTESTSECRETFORVNEID");
            builder.UseSetting("Storage:Folder", Path.Combine(Path.GetTempPath(), "motcua-browser-tests", "files"));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = new Uri(publicBase + "/");

        _playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("MOTCUA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: run scripts/test.sh, which installs Debian's chromium.");
        }

        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>This run's e-mail pickup folder: where the citizen's mail lands on the embedded default.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "motcua-browser-tests", "mail", Guid.NewGuid().ToString("N"));

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString().TrimEnd('/'), Locale = "vi-VN" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
