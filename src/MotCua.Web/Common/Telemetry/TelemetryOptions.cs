using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Common.Telemetry;

/// <summary>Section "Telemetry": OpenTelemetry export (off until an OTLP endpoint is given) and the log format.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector, e.g. http://otel-collector:4317 (grpc) or http://otel-collector:4318 (http/protobuf). Empty: nothing is exported.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"grpc" or "http/protobuf", as OTEL_EXPORTER_OTLP_PROTOCOL names them.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>service.name on every span, metric and log record.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string ServiceName { get; set; } = "motcua";

    /// <summary>How often metrics are exported, and the longest a finished span waits for its batch.</summary>
    [Range(100, 600_000)]
    public int ExportIntervalMilliseconds { get; set; } = 15_000;

    /// <summary>The share of requests traced (parent-based: a request that arrives traced stays traced).</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>One JSON object per log line on the console. Null means: on, except in Development.</summary>
    public bool? JsonLogs { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool UsesGrpc => OtlpProtocol == "grpc";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            yield return new ValidationResult("Telemetry:OtlpProtocol là \"grpc\" hoặc \"http/protobuf\".", [nameof(OtlpProtocol)]);
        }

        if (Enabled && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Telemetry:OtlpEndpoint phải là địa chỉ http(s) đầy đủ của bộ thu OTLP.", [nameof(OtlpEndpoint)]);
        }
    }
}
