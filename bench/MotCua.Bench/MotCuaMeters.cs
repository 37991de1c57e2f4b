using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.Bench;

/// <summary>
/// What MotCua says about itself: the bench is its OTLP/HTTP collector (Telemetry:OtlpEndpoint, as an operator's
/// collector would be, docs/observability.md) and keeps the last cumulative value of every sum and histogram point
/// MotCua exports each second. A scenario's figures are the difference between two snapshots: requests and mean
/// time per route as ASP.NET Core's own <c>http.server.request.duration</c> counts them, and the outbox's
/// <c>motcua.outbox.deliveries</c> by consumer and outcome.
/// </summary>
internal sealed class MotCuaMeters : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Point> _points = new(StringComparer.Ordinal);

    private MotCuaMeters(WebApplication app) => _app = app;

    /// <summary>A cumulative point: a sum's value, or a histogram's count and sum.</summary>
    public readonly record struct Point(string Metric, IReadOnlyDictionary<string, string> Attributes, double Value, double Count);

    public string Url => _app.Urls.First();

    /// <summary>The settings that make a MotCua node export to this collector, metrics only, every second.</summary>
    public IReadOnlyDictionary<string, string> NodeSettings => new Dictionary<string, string>
    {
        ["Telemetry__OtlpEndpoint"] = Url,
        ["Telemetry__OtlpProtocol"] = "http/protobuf",
        ["Telemetry__ExportIntervalMilliseconds"] = "1000",
        ["Telemetry__TraceSampleRatio"] = "0",
    };

    public static async Task<MotCuaMeters> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var meters = new MotCuaMeters(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request, HttpResponse response) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (signal == "metrics")
            {
                meters.Read(body.ToArray());
            }

            response.ContentType = "application/x-protobuf";
            response.StatusCode = 200;
        });
        await app.StartAsync();
        return meters;
    }

    public IReadOnlyDictionary<string, Point> Snapshot() => new Dictionary<string, Point>(_points, StringComparer.Ordinal);

    /// <summary>Requests and mean server time per route between two snapshots, the busiest first.</summary>
    public static List<(string Route, double Requests, double MeanMs, double ServerErrors)> Routes(IReadOnlyDictionary<string, Point> from, IReadOnlyDictionary<string, Point> to)
    {
        var byRoute = new Dictionary<string, (double Count, double Seconds, double Errors)>(StringComparer.Ordinal);
        foreach (var (key, p) in to)
        {
            if (p.Metric != "http.server.request.duration")
            {
                continue;
            }

            var before = from.TryGetValue(key, out var b) ? b : p with { Value = 0, Count = 0 };
            var route = p.Attributes.GetValueOrDefault("http.route") ?? "(no route)";
            var (count, seconds) = (p.Count - before.Count, p.Value - before.Value);
            var status = p.Attributes.GetValueOrDefault("http.response.status_code") ?? string.Empty;
            var current = byRoute.GetValueOrDefault(route);
            byRoute[route] = (current.Count + count, current.Seconds + seconds, current.Errors + (status.StartsWith('5') ? count : 0));
        }

        return [.. byRoute.Where(r => r.Value.Count > 0).OrderByDescending(r => r.Value.Count)
            .Select(r => (r.Key, r.Value.Count, r.Value.Seconds * 1000 / r.Value.Count, r.Value.Errors))];
    }

    /// <summary>Deliveries by consumer and outcome between two snapshots, as "email delivered 1,234".</summary>
    public static List<(string Consumer, string Outcome, double Count)> Deliveries(IReadOnlyDictionary<string, Point> from, IReadOnlyDictionary<string, Point> to) =>
        [.. to.Where(p => p.Value.Metric == "motcua.outbox.deliveries")
            .Select(p => (Consumer: p.Value.Attributes.GetValueOrDefault("consumer") ?? "?", Outcome: p.Value.Attributes.GetValueOrDefault("outcome") ?? "?",
                Count: p.Value.Value - (from.TryGetValue(p.Key, out var b) ? b.Value : 0)))
            .Where(d => d.Count > 0)
            .OrderBy(d => d.Consumer, StringComparer.Ordinal).ThenBy(d => d.Outcome, StringComparer.Ordinal)];

    // ------------------------------------------------------------------ OTLP protobuf, the few fields read

    private void Read(byte[] body)
    {
        // ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }
        foreach (var resource in Fields(body, 1))
        {
            // ResourceMetrics { repeated ScopeMetrics scope_metrics = 2; } ; ScopeMetrics { repeated Metric metrics = 2; }
            foreach (var scope in Fields(resource, 2))
            {
                foreach (var metric in Fields(scope, 2))
                {
                    ReadMetric(metric);
                }
            }
        }
    }

    private void ReadMetric(ReadOnlyMemory<byte> metric)
    {
        // Metric { string name = 1; Sum sum = 7; Histogram histogram = 9; }, each { repeated …DataPoint data_points = 1; }
        var name = Fields(metric, 1).Select(n => Encoding.UTF8.GetString(n.Span)).FirstOrDefault();
        if (name is null)
        {
            return;
        }

        foreach (var sum in Fields(metric, 7))
        {
            foreach (var point in Fields(sum, 1))
            {
                // NumberDataPoint { attributes = 7; double as_double = 4; sfixed64 as_int = 6; }
                var value = Fixed(point, 4) is { } d ? BitConverter.Int64BitsToDouble(d) : Fixed(point, 6) is { } i ? i : 0;
                Keep(name, Attributes(point, 7), value, 0);
            }
        }

        foreach (var histogram in Fields(metric, 9))
        {
            foreach (var point in Fields(histogram, 1))
            {
                // HistogramDataPoint { fixed64 count = 4; double sum = 5; attributes = 9; }
                var count = Fixed(point, 4) ?? 0;
                var total = Fixed(point, 5) is { } s ? BitConverter.Int64BitsToDouble(s) : 0;
                Keep(name, Attributes(point, 9), total, count);
            }
        }
    }

    private void Keep(string metric, Dictionary<string, string> attributes, double value, double count)
    {
        var key = metric + "|" + string.Join(",", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value));
        _points[key] = new Point(metric, attributes, value, count);
    }

    private static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> point, int field)
    {
        // KeyValue { string key = 1; AnyValue value = 2; } ; AnyValue { string = 1; bool = 2; int64 = 3; double = 4; }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in Fields(point, field))
        {
            var key = Fields(kv, 1).Select(k => Encoding.UTF8.GetString(k.Span)).FirstOrDefault();
            var any = Fields(kv, 2).FirstOrDefault();
            if (key is null)
            {
                continue;
            }

            attributes[key] = Fields(any, 1).Select(v => Encoding.UTF8.GetString(v.Span)).FirstOrDefault()
                ?? (Varint(any, 3) is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Varint(any, 2) is { } b ? (b != 0).ToString() : string.Empty);
        }

        return attributes;
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of a message.</summary>
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int number)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        Walk(message, (field, type, value, bytes) =>
        {
            if (field == number && type == 2)
            {
                found.Add(bytes);
            }
        });
        return found;
    }

    private static long? Fixed(ReadOnlyMemory<byte> message, int number)
    {
        long? found = null;
        Walk(message, (field, type, value, _) =>
        {
            if (field == number && type == 1)
            {
                found = (long)value;
            }
        });
        return found;
    }

    private static long? Varint(ReadOnlyMemory<byte> message, int number)
    {
        long? found = null;
        Walk(message, (field, type, value, _) =>
        {
            if (field == number && type == 0)
            {
                found = (long)value;
            }
        });
        return found;
    }

    private delegate void FieldVisitor(int field, int type, ulong value, ReadOnlyMemory<byte> bytes);

    /// <summary>Protobuf's wire format: a varint tag (field number, wire type), then a varint, 8 or 4 bytes, or a length and that many bytes.</summary>
    private static void Walk(ReadOnlyMemory<byte> message, FieldVisitor visit)
    {
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = ReadVarint(span, ref at);
            var (field, type) = ((int)(tag >> 3), (int)(tag & 7));
            switch (type)
            {
                case 0:
                    visit(field, type, ReadVarint(span, ref at), default);
                    break;
                case 1:
                    visit(field, type, BitConverter.ToUInt64(span.Slice(at, 8)), default);
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(span, ref at);
                    visit(field, type, 0, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    visit(field, type, BitConverter.ToUInt32(span.Slice(at, 4)), default);
                    at += 4;
                    break;
                default:
                    return; // Groups (3, 4) are not used by OTLP.
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; at < span.Length; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return value;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
