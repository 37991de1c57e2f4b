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

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", string.Empty);
            builder.UseSetting("MOTCUA_POSTGRES", string.Empty);
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_file}");
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Security:HttpsRedirect", "false");
            builder.UseSetting("Portal:PublicBaseUrl", "http://localhost:5000");
            builder.UseSetting("Email:PickupFolder", MailFolder);
            builder.UseSetting("Storage:Folder", Path.Combine(Path.GetTempPath(), "motcua-browser-tests", "files"));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

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
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
