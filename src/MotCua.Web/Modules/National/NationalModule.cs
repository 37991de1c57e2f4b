using Microsoft.Extensions.Options;
using MotCua.Simulators.NationalPortal;

namespace MotCua.Web.Modules.National;

/// <summary>National integration: MotCua as the province system of the national public-service portal.</summary>
public static class NationalModule
{
    public static WebApplicationBuilder AddNational(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<NationalPortalOptions>().BindConfiguration(NationalPortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(Sync.NationalPortalClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddScoped<Sync.NationalPortalClient>();
        builder.Services.AddScoped<Sync.NationalSyncService>();
        builder.Services.AddScoped<Sync.NationalSyncReport>();
        builder.Services.AddScoped<Public.NationalSyncFigures>();
        builder.Services.AddScoped<Inbound.SignedInbound>();
        builder.Services.AddOptions<DataPlatform.NationalDataOptions>().BindConfiguration(DataPlatform.NationalDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(DataPlatform.NationalDataClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        var data = builder.Configuration.GetSection(DataPlatform.NationalDataOptions.Section).Get<DataPlatform.NationalDataOptions>() ?? new DataPlatform.NationalDataOptions();
        if (data.Enabled)
        {
            builder.Services.AddScoped<Applications.Public.INationalDataPlatform, DataPlatform.NationalDataClient>();
        }

        if (data.Simulator)
        {
            builder.Services.AddSingleton(services =>
            {
                var o = services.GetRequiredService<IOptions<DataPlatform.NationalDataOptions>>().Value;
                return new MotCua.Simulators.NationalData.NationalDataSimulator(o.ClientId!, o.Secret!);
            });
        }

        var options = builder.Configuration.GetSection(NationalPortalOptions.Section).Get<NationalPortalOptions>() ?? new NationalPortalOptions();
        if (options.Enabled)
        {
            builder.Services.AddSingleton<Common.Outbox.IOutboxConsumer, Sync.NationalSyncConsumer>();
        }

        if (options.Simulator)
        {
            builder.Services.AddSingleton(services =>
            {
                var o = services.GetRequiredService<IOptions<NationalPortalOptions>>().Value;
                return new NationalPortalSimulator(o.ClientId!, o.Secret!);
            });
        }

        return builder;
    }

    public static WebApplication MapNational(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Api.NationalEndpoints.Map(app);
        if (app.Services.GetRequiredService<IOptions<NationalPortalOptions>>().Value.Enabled)
        {
            // Only a province system of the national portal takes its applications.
            Inbound.InboundEndpoints.Map(app);
        }

        if (app.Services.GetService<NationalPortalSimulator>() is { } simulator)
        {
            simulator.Map(app, NationalPortalOptions.SimulatorPath);
        }

        if (app.Services.GetService<MotCua.Simulators.NationalData.NationalDataSimulator>() is { } data)
        {
            data.Map(app, DataPlatform.NationalDataOptions.SimulatorPath);
        }

        return app;
    }
}
