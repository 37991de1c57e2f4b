using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// An OTLP/HTTP collector on a free loopback port: accepts every export (/v1/traces, /v1/metrics, /v1/logs) and keeps
/// the protobuf bodies. Names and attribute values travel in protobuf as plain UTF-8, so a test finds them by search.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _bodies = new(StringComparer.Ordinal);

    private OtlpSink(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new OtlpSink(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request, HttpResponse response) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            sink._bodies.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            // An empty Export…ServiceResponse: everything accepted.
            response.ContentType = "application/x-protobuf";
            response.StatusCode = 200;
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>True once any export of that signal ("traces", "metrics", "logs") carries the text.</summary>
    public bool Carries(string signal, string text)
    {
        var wanted = Encoding.UTF8.GetBytes(text);
        return _bodies.TryGetValue(signal, out var bodies) && bodies.Any(b => b.AsSpan().IndexOf(wanted) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
