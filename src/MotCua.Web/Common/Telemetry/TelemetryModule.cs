using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using MotCua.Web.Common.Outbox;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MotCua.Web.Common.Telemetry;

/// <summary>
/// Seeing MotCua in production: JSON logs on the console outside Development, and, when Telemetry:OtlpEndpoint is
/// set, OpenTelemetry traces, metrics and logs over OTLP — HTTP requests (rate and latency per route), outgoing
/// HTTP, Npgsql commands and EF Core, the .NET runtime, and the outbox (deliveries, failures, delay, backlog, its
/// oldest age). The meters exist either way, so `dotnet-counters monitor -n MotCua.Web` reads them with export off.
/// </summary>
public static class TelemetryModule
{
    /// <summary>The meters exported besides ASP.NET Core's, HttpClient's and the runtime's.</summary>
    public static readonly string[] Meters = [OutboxMetrics.MeterName, "Npgsql", "Microsoft.EntityFrameworkCore"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.JsonLogs ?? !builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = true;
                // Vietnamese messages stay readable in the log: "Đã nhận", not "\u0110\u00E3 nh\u1EADn".
                json.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        // An endpoint that does not validate stops the start (ValidateOnStart) with its message; export nothing then.
        if (!options.Enabled || !Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return builder;
        }

        var version = typeof(TelemetryModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: version,
                serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"));
        telemetry.WithTracing(tracing => tracing
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
            .AddAspNetCoreInstrumentation(asp =>
            {
                asp.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                asp.RecordException = true;
            })
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            .AddSource(OutboxMetrics.MeterName)
            .AddOtlpExporter(otlp => Export(otlp, options, endpoint, "v1/traces")));
        telemetry.WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(Meters)
            .AddOtlpExporter((otlp, reader) =>
            {
                Export(otlp, options, endpoint, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportIntervalMilliseconds;
            }));
        telemetry.WithLogging(logging => logging.AddOtlpExporter(otlp => Export(otlp, options, endpoint, "v1/logs")),
            logs => logs.IncludeFormattedMessage = true);
        return builder;
    }

    /// <summary>grpc takes the collector's address as is; http/protobuf one path per signal (as OTEL_EXPORTER_OTLP_ENDPOINT does).</summary>
    private static void Export(OtlpExporterOptions otlp, TelemetryOptions options, Uri endpoint, string signal)
    {
        otlp.Protocol = options.UsesGrpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        otlp.Endpoint = options.UsesGrpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signal);
        otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = options.ExportIntervalMilliseconds;
    }
}
