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
        return builder;
    }

    public static WebApplication MapIndicators(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Api.IndicatorEndpoints.Map(app);
        Exports.ExportEndpoints.Map(app);
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
}
