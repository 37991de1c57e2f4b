using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using MotCua.Simulators.Identity;
using MotCua.Simulators.NationalData;
using MotCua.Simulators.NationalPortal;
using MotCua.Simulators.Reporting;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The simulated national public-service portal and data-sharing platform on their own Kestrel on loopback: MotCua's adapters talk to them over real HTTP.</summary>
public sealed class NationalPortalHost : IAsyncDisposable
{
    public const string ClientId = "motcua-test";
    public const string Secret = "TESTSECRETFORTHENATIONALPORTAL2026XY";
    public const string DataClientId = "motcua-test-data";
    public const string DataSecret = "TESTSECRETFORTHENATIONALDATAPLATFORM";
    public const string IdentityPath = "/vneid";
    public const string ReportingClientId = "motcua-test-reports";
    public const string ReportingSecret = "TESTSECRETFORTHENATIONALREPORTINGSYSTEMS";
    public const string IdentityClientId = "motcua-test-sso";
    public const string IdentitySecret = "TESTSECRETFORTHENATIONALIDENTITY";

    private readonly WebApplication _app;

    private NationalPortalHost(WebApplication app, NationalPortalSimulator simulator, NationalDataSimulator data, IdentityProviderSimulator identity,
        ReportingSimulator reporting, ReportingSimulator monitoring, string baseUrl)
    {
        Reporting = reporting;
        Monitoring = monitoring;
        _app = app;
        Simulator = simulator;
        Data = data;
        Identity = identity;
        BaseUrl = baseUrl;
    }

    public NationalPortalSimulator Simulator { get; }

    /// <summary>The national data-sharing platform, on the same host.</summary>
    public NationalDataSimulator Data { get; }

    /// <summary>The national reporting system, under /bao-cao.</summary>
    public ReportingSimulator Reporting { get; }

    /// <summary>The digital-government monitoring system, under /giam-sat.</summary>
    public ReportingSimulator Monitoring { get; }

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
        var reporting = new ReportingSimulator(ReportingClientId, ReportingSecret);
        reporting.Map(app, "/bao-cao");
        var monitoring = new ReportingSimulator(ReportingClientId, ReportingSecret);
        monitoring.Map(app, "/giam-sat");
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetService(typeof(IServer)) is IServer server ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException("No server.");
        return new NationalPortalHost(app, simulator, data, identity, reporting, monitoring, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
