using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using MotCua.Simulators.NationalPortal;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The simulated national public-service portal on its own Kestrel on loopback: MotCua's adapter talks to it over real HTTP.</summary>
public sealed class NationalPortalHost : IAsyncDisposable
{
    public const string ClientId = "motcua-test";
    public const string Secret = "TESTSECRETFORTHENATIONALPORTAL2026XY";

    private readonly WebApplication _app;

    private NationalPortalHost(WebApplication app, NationalPortalSimulator simulator, string baseUrl)
    {
        _app = app;
        Simulator = simulator;
        BaseUrl = baseUrl;
    }

    public NationalPortalSimulator Simulator { get; }

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
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetService(typeof(IServer)) is IServer server ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException("No server.");
        return new NationalPortalHost(app, simulator, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
