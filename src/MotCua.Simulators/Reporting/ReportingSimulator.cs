using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Simulators.NationalPortal;

namespace MotCua.Simulators.Reporting;

/// <summary>One report a simulated national system accepted: its id (province and period), when, and the body.</summary>
public sealed record ReceivedReport(string ReportId, string Period, DateTimeOffset At, string Body);

/// <summary>
/// A national system that takes the province's indicators (the national reporting system, the digital-government
/// monitoring system), for the embedded default and the tests: it checks each report's signature, time and nonce as
/// the portal does, keeps the newest per report id (a report sent again replaces it and is answered "duplicate"), and
/// can be told to fail the next reports.
/// </summary>
public sealed class ReportingSimulator(string clientId, string secret, TimeProvider? time = null)
{
    /// <summary>POST {base}/api/v1/bao-cao: one period's report.</summary>
    public const string ReportsPath = "/api/v1/bao-cao";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ReceivedReport> _reports = new(StringComparer.Ordinal);
    private readonly SignedReceiver _receiver = new(clientId, secret);
    private int _failNext;
    private int _received;

    /// <summary>How many reports it accepted, repeats included.</summary>
    public int Accepted => _received;

    public ReceivedReport? Report(string reportId) => _reports.GetValueOrDefault(reportId);

    /// <summary>The next <paramref name="count"/> reports are answered 503 (0: it is up again).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public void Map(IEndpointRouteBuilder routes, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(prefix + ReportsPath, ReceiveAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var now = _time.GetUtcNow();
        if (_receiver.Refusal(request.Headers, body, now) is { } refused)
        {
            return Results.Json(new { error = refused }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return Results.Json(new { error = "Hệ thống đang bảo trì." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Exchange(ref _failNext, 0);
        string reportId, period;
        try
        {
            using var json = JsonDocument.Parse(body);
            reportId = json.RootElement.GetProperty("reportId").GetString() ?? string.Empty;
            period = json.RootElement.GetProperty("period").GetProperty("id").GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Results.Json(new { error = "Báo cáo không đúng định dạng: " + e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }

        Interlocked.Increment(ref _received);
        var duplicate = _reports.ContainsKey(reportId);
        _reports[reportId] = new ReceivedReport(reportId, period, now, body);
        return Results.Json(new { accepted = true, duplicate });
    }
}
