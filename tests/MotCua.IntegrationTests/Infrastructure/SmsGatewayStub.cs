using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>An SMS gateway on a free loopback port: answers 503 as often as told, then accepts and keeps what it got.</summary>
public sealed class SmsGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private SmsGatewayStub(WebApplication app, int failures)
    {
        _app = app;
        _failuresLeft = failures;
    }

    public ConcurrentQueue<(JsonElement Body, string? Authorization)> Received { get; } = new();

    public int Refused;

    public string Url => _app.Urls.First() + "/sms";

    public static async Task<SmsGatewayStub> StartAsync(int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SmsGatewayStub(app, failures);
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref stub._failuresLeft) >= 0)
            {
                Interlocked.Increment(ref stub.Refused);
                return Results.StatusCode(503);
            }

            using var json = await JsonDocument.ParseAsync(request.Body);
            stub.Received.Enqueue((json.RootElement.Clone(), request.Headers.Authorization.ToString()));
            return Results.Ok(new { status = "accepted" });
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
