using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.NationalPortal;

/// <summary>One push the simulated portal accepted: the application's code, the history number it carries, its national status.</summary>
public sealed record ReceivedPush(string Code, int Sequence, int Status, DateTimeOffset At, string Body);

/// <summary>
/// The national public-service portal as a province system talks to it, for the embedded default and the tests: it
/// checks every push's signature, time and nonce as the real one does, keeps each application's pushes by their history
/// number (a push it already has is answered "duplicate" and not kept twice), and can be told to fail the next pushes.
/// </summary>
public sealed class NationalPortalSimulator(string clientId, string secret, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<(string Code, int Sequence), ReceivedPush> _received = new();
    private readonly SignedReceiver _receiver = new(clientId, secret);
    private int _failNext;
    private int _duplicates;

    /// <summary>How many pushes it answered "already have it".</summary>
    public int Duplicates => _duplicates;

    /// <summary>Every push it accepted, in the order of their history numbers per application.</summary>
    public IReadOnlyList<ReceivedPush> Received(string code) =>
        [.. _received.Values.Where(r => r.Code == code).OrderBy(r => r.Sequence)];

    /// <summary>The next <paramref name="count"/> pushes are answered 503, as when the portal is down (0: it is up again).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>
    /// The portal hands something on to the province system (an application filed here, a supplement, a withdrawal):
    /// <paramref name="path"/> under <see cref="NationalPortalProtocol.InboundPath"/>, signed as the protocol says;
    /// <paramref name="nonce"/> only to send one again, as a replay would.
    /// </summary>
    public async Task<HttpResponseMessage> HandOverAsync(HttpClient province, string path, string body, string? nonce = null, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(province);
        using var request = NationalPortalProtocol.Signed(HttpMethod.Post, new Uri(NationalPortalProtocol.InboundPath + path, UriKind.Relative), body, clientId, secret, at ?? _time.GetUtcNow(), nonce);
        return await province.SendAsync(request);
    }

    /// <summary>The portal's routes under <paramref name="prefix"/> ("" on its own host, "/sandbox/dvcqg" inside MotCua's embedded default).</summary>
    public void Map(IEndpointRouteBuilder routes, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(prefix + NationalPortalProtocol.ApplicationsPath, ReceiveAsync).ExcludeFromDescription();
        routes.MapGet(prefix + NationalPortalProtocol.ApplicationsPath + "/{code}", (string code) =>
            Results.Json(Received(code).Select(r => new { r.Code, r.Sequence, r.Status, r.At }))).ExcludeFromDescription();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (Refusal(request, body) is { } refused)
        {
            return Results.Json(new { error = refused }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return Results.Json(new { error = "Hệ thống đang bảo trì." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Exchange(ref _failNext, 0);
        string code;
        int sequence, status;
        try
        {
            using var json = JsonDocument.Parse(body);
            code = json.RootElement.GetProperty("code").GetString() ?? string.Empty;
            sequence = json.RootElement.GetProperty("sequence").GetInt32();
            status = json.RootElement.GetProperty("status").GetInt32();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Results.Json(new { error = "Dữ liệu hồ sơ không đúng định dạng: " + e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }

        var push = new ReceivedPush(code, sequence, status, _time.GetUtcNow(), body);
        if (!_received.TryAdd((code, sequence), push))
        {
            Interlocked.Increment(ref _duplicates);
            return Results.Json(new { accepted = true, duplicate = true });
        }

        return Results.Json(new { accepted = true, duplicate = false });
    }

    /// <summary>Why the push is refused (wrong client, stale or future time, nonce seen before, bad signature); null when it is sound.</summary>
    private string? Refusal(HttpRequest request, string body) => _receiver.Refusal(request.Headers, body, _time.GetUtcNow());
}
