namespace MotCua.Web.Modules.Indicators;

/// <summary>Indicators: counters rolled up from the outbox, and the figures computed from them.</summary>
public static class IndicatorsModule
{
    /// <summary>The command that recounts every counter from the applications.</summary>
    public const string RebuildCommand = "indicators-rebuild";

    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IndicatorOptions>().BindConfiguration(IndicatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Rollups.IndicatorRollup>();
        builder.Services.AddScoped<Common.Persistence.IDatabaseSeeder, Rollups.CounterGrainsCheck>();
        builder.Services.AddScoped<IndicatorReport>();
        builder.Services.AddSingleton<FigureCache>();
        builder.Services.AddScoped<HandlingReport>();
        builder.Services.AddOptions<Exports.ExportOptions>().BindConfiguration(Exports.ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Exports.ExportJobs>();
        builder.Services.AddSingleton<Exports.ExportSignal>();
        builder.Services.AddHostedService<Exports.ExportWorker>();
        builder.Services.AddScoped<IndicatorTargets>();
        builder.Services.AddScoped<Index766Report>();
        builder.Services.AddScoped<IndicatorDrillDown>();
        builder.Services.AddScoped<TargetGaps>();
        builder.Services.AddSingleton<Common.Outbox.IOutboxConsumer, Rollups.IndicatorConsumer>();
        AddUpwardReporting(builder);
        return builder;
    }

    public static WebApplication MapIndicators(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Api.IndicatorEndpoints.Map(app);
        Exports.ExportEndpoints.Map(app);
        foreach (var target in app.Services.GetServices<Upward.SimulatedTarget>())
        {
            target.Simulator.Map(app, $"{Upward.UpwardReportingOptions.SimulatorPath}/{target.Name}");
        }

        return app;
    }

    /// <summary>Runs <see cref="RebuildCommand"/>: every counter thrown away and counted again; prints what it did.</summary>
    public static async Task<int> RebuildAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var (applications, counters) = await scope.ServiceProvider.GetRequiredService<Rollups.IndicatorRollup>().RebuildAsync(CancellationToken.None);
        Console.WriteLine($"Đã đếm lại chỉ số: {applications} hồ sơ, {counters} bộ đếm.");
        return 0;
    }

    /// <summary>
    /// Each month's indicators pushed to the national systems (NationalReporting): the schedule queues the month, the
    /// outbox delivers it to one consumer per target. On the embedded default each target is a simulator on this portal.
    /// </summary>
    private static void AddUpwardReporting(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Upward.UpwardReportingOptions>().BindConfiguration(Upward.UpwardReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(Upward.UpwardReportingOptions.Section).Get<Upward.UpwardReportingOptions>() ?? new();
        if (!options.Enabled)
        {
            return;
        }

        builder.Services.AddScoped<Upward.UpwardReportSchedule>();
        builder.Services.AddScoped<Upward.UpwardReportBuilder>();
        builder.Services.AddSingleton<Common.Outbox.IOutboxSource, Upward.UpwardReportOutboxSource>();
        builder.Services.AddHostedService<Upward.UpwardReportWorker>();
        builder.Services.AddHttpClient(Upward.UpwardReportConsumer.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        foreach (var target in options.Targets)
        {
            builder.Services.AddSingleton<Common.Outbox.IOutboxConsumer>(new Upward.UpwardReportConsumer(target));
            if (options.Simulator)
            {
                builder.Services.AddSingleton(new Upward.SimulatedTarget(target.Name, new MotCua.Simulators.Reporting.ReportingSimulator(target.ClientId, target.Secret)));
            }
        }
    }
}
