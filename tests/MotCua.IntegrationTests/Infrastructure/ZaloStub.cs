using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// Zalo's ZNS template endpoint on a free loopback port. Like ZNS it answers 200 with {"error": -124} when it refuses
/// (as often as told), then {"error": 0} and keeps what it got.
/// </summary>
public sealed class ZaloStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refusalsLeft;

    private ZaloStub(WebApplication app, int refusals)
    {
        _app = app;
        _refusalsLeft = refusals;
    }

    public ConcurrentQueue<(JsonElement Body, string? AccessToken)> Received { get; } = new();

    public int Refused;

    public string Url => _app.Urls.First() + "/message/template";

    public static async Task<ZaloStub> StartAsync(int refusals = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ZaloStub(app, refusals);
        app.MapPost("/message/template", async (HttpRequest request) =>
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            if (Interlocked.Decrement(ref stub._refusalsLeft) >= 0)
            {
                Interlocked.Increment(ref stub.Refused);
                return Results.Ok(new { error = -124, message = "Access token is invalid" });
            }

            stub.Received.Enqueue((json.RootElement.Clone(), request.Headers["access_token"].ToString()));
            return Results.Ok(new { error = 0, message = "Success", data = new { msg_id = Guid.NewGuid().ToString("N") } });
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
