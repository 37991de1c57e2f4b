using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Common;

/// <summary>What an operator's collector receives over OTLP once Telemetry:OtlpEndpoint is set, and nothing before.</summary>
public abstract class TelemetryTests
{
    protected abstract MotCuaApp Create(IReadOnlyDictionary<string, string> settings);

    protected abstract bool TracesDatabase { get; }

    // Exports go out every 200 ms; on a machine busy with other work the first ones can take far longer.
    private const int Patience = 45;

    [Fact]
    public async Task A_collector_receives_request_spans_and_metrics_of_http_the_database_and_the_outbox()
    {
        await using var collector = await OtlpSink.StartAsync();
        var app = Create(new Dictionary<string, string>(OutboxTestSettings.Fast)
        {
            ["Telemetry:OtlpEndpoint"] = collector.Url,
            ["Telemetry:OtlpProtocol"] = "http/protobuf",
            ["Telemetry:ServiceName"] = "motcua-kiem-thu",
            ["Telemetry:ExportIntervalMilliseconds"] = "200",
        });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Đo Lường");
            await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });

            // Spans: the request by its route, the outbox handing the submission's message to the portal inbox.
            await OutboxTests.EventuallyAsync(() => Task.FromResult(collector.Carries("traces", "POST /api/v1/applications") ? "" : null), Patience);
            await OutboxTests.EventuallyAsync(() => Task.FromResult(collector.Carries("traces", "outbox deliver portal-inbox") ? "" : null), Patience);
            Assert.True(collector.Carries("traces", "motcua-kiem-thu"), "service.name on the spans");
            if (TracesDatabase)
            {
                Assert.True(collector.Carries("traces", "postgresql"), "Npgsql's command spans");
            }

            // Metrics: latency per route (ASP.NET Core), deliveries by consumer and outcome, the backlog, EF Core.
            foreach (var name in new[] { "http.server.request.duration", "/api/v1/applications/{code}/transitions", "motcua.outbox.deliveries",
                         "motcua.outbox.delivery.delay", "motcua.outbox.backlog", "motcua.outbox.oldest_age" })
            {
                await OutboxTests.EventuallyAsync(() => Task.FromResult(collector.Carries("metrics", name) ? "" : null), Patience);
            }

            Assert.True(collector.Carries("metrics", "delivered"), "the outcome tag of the deliveries");
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported_and_logs_are_json_outside_development()
    {
        var app = Create(new Dictionary<string, string>());
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            Assert.Null(app.Services.GetService<TracerProvider>());
            Assert.Null(app.Services.GetService<MeterProvider>());
            Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task In_development_logs_stay_readable_lines()
    {
        await using var app = new DevelopmentSqliteApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            Assert.NotEqual(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

public sealed class TelemetryOnSqlite : TelemetryTests
{
    protected override bool TracesDatabase => false;

    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredSqliteApp(settings);
}

public sealed class TelemetryOnPostgres : TelemetryTests
{
    protected override bool TracesDatabase => true;

    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredPostgresApp(settings);
}
