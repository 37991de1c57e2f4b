using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using MotCua.Simulators.Identity;
using MotCua.Simulators.NationalData;
using MotCua.Simulators.NationalPortal;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The simulated national public-service portal and data-sharing platform on their own Kestrel on loopback: MotCua's adapters talk to them over real HTTP.</summary>
public sealed class NationalPortalHost : IAsyncDisposable
{
    public const string ClientId = "motcua-test";
    public const string Secret = "TESTSECRETFORTHENATIONALPORTAL2026XY";
    public const string DataClientId = "motcua-test-data";
    public const string DataSecret = "TESTSECRETFORTHENATIONALDATAPLATFORM";
    public const string IdentityPath = "/vneid";
    public const string IdentityClientId = "motcua-test-sso";
    public const string IdentitySecret = "TESTSECRETFORTHENATIONALIDENTITY";

    private readonly WebApplication _app;

    private NationalPortalHost(WebApplication app, NationalPortalSimulator simulator, NationalDataSimulator data, IdentityProviderSimulator identity, string baseUrl)
    {
        _app = app;
        Simulator = simulator;
        Data = data;
        Identity = identity;
        BaseUrl = baseUrl;
    }

    public NationalPortalSimulator Simulator { get; }

    /// <summary>The national data-sharing platform, on the same host.</summary>
    public NationalDataSimulator Data { get; }

    /// <summary>The national identity provider (OpenID Connect), on the same host under <see cref="IdentityPath"/>.</summary>
    public IdentityProviderSimulator Identity { get; }

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string BaseUrl { get; }

    public static NationalPortalHost Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var simulator = new NationalPortalSimulator(ClientId, Secret);
        simulator.Map(app);
        var data = new NationalDataSimulator(DataClientId, DataSecret);
        data.Map(app);
        var identity = new IdentityProviderSimulator(IdentityClientId, IdentitySecret);
        identity.Map(app, IdentityPath);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetService(typeof(IServer)) is IServer server ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException("No server.");
        return new NationalPortalHost(app, simulator, data, identity, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
