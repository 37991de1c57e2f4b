using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.Bench;

/// <summary>
/// The Kestrel ceiling: a bare ASP.NET Core app (no middleware) in its own Release process, as MotCua runs, with a
/// plaintext endpoint and a 1 KB JSON echo; given a database, the least the submit, track and history endpoints must
/// do (MOTCUA_BENCH_API_DB, <see cref="ApiCeiling"/>) or a VNPay notice (MOTCUA_BENCH_IPN_DB, <see cref="IpnCeiling"/>). Started by the bench as `MotCua.Bench kestrel-ceiling PORT`.
/// </summary>
internal static class BareKestrel
{
    public const string Command = "kestrel-ceiling";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var hello = "Hello, World!"u8.ToArray();
        app.MapGet("/plaintext", (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain";
            http.Response.ContentLength = hello.Length;
            return http.Response.Body.WriteAsync(hello).AsTask();
        });
        app.MapPost("/json", async (HttpContext http) =>
        {
            // Echo: parse the 1 KB document and write it back as JSON, as an API endpoint would.
            using var document = await JsonDocument.ParseAsync(http.Request.Body);
            http.Response.ContentType = "application/json";
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
            document.WriteTo(writer);
            await writer.FlushAsync();
        });
        app.MapGet("/health", () => "ok");
        await using var ipn = Environment.GetEnvironmentVariable(IpnCeiling.DatabaseVariable) is { Length: > 0 } database
            ? new IpnCeiling(database, Environment.GetEnvironmentVariable(IpnCeiling.OutboxVariable) ?? string.Empty)
            : null;
        if (ipn is not null)
        {
            app.MapGet("/ipn", ipn.HandleAsync);
        }

        await using var api = Environment.GetEnvironmentVariable(ApiCeiling.DatabaseVariable) is { Length: > 0 } apiDatabase
            ? new ApiCeiling(apiDatabase, Environment.GetEnvironmentVariable(ApiCeiling.SubmitVariable) ?? string.Empty)
            : null;
        if (api is not null)
        {
            app.MapGet("/track/{code}", (HttpContext http, string code) => api.TrackAsync(http, code));
            app.MapGet("/history/{code}", (HttpContext http, string code) => api.HistoryAsync(http, code));
            app.MapPost("/submit", api.SubmitAsync);
        }

        await app.RunAsync();
        return 0;
    }
}
