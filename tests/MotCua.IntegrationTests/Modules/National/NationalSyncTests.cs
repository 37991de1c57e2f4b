using System.Globalization;
using System.Net;
using System.Text;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Simulators.NationalPortal;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.National;

/// <summary>
/// Applications pushed to the simulated national portal over HTTP, as the province system of DVCQG: each state once,
/// in order, even when the portal is down for the first try; and the reconciliation shows what is synced and what failed.
/// </summary>
public abstract class NationalSyncTests(MotCuaApp app)
{
    private NationalPortalSimulator Portal => app.NationalPortal.Simulator;

    private Task<IReadOnlyList<ReceivedPush>> PushesAsync(string code, int count, int seconds = 15) =>
        OutboxTests.EventuallyAsync(() => Task.FromResult(Portal.Received(code) is { } r && r.Count >= count ? r : null), seconds);

    [Fact]
    public async Task A_status_change_reaches_the_national_portal_exactly_once_even_when_the_first_push_fails()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var admin = await app.ApiClientFor("admin");
        var code = await SubmitBirthAsync(app, citizen, "Đồng Bộ Quốc Gia");
        var submitted = await PushesAsync(code, 1);
        Assert.Equal([1], submitted.Select(p => p.Status));
        using (var body = System.Text.Json.JsonDocument.Parse(submitted[0].Body))
        {
            var push = body.RootElement;
            Assert.Equal((2, Birth, 1), (push.GetProperty("channel").GetInt32(), push.GetProperty("procedureCode").GetString(), push.GetProperty("history").GetArrayLength()));
            Assert.False(string.IsNullOrWhiteSpace(push.GetProperty("applicantName").GetString()));
        }

        // The portal is down: the reception's change fails to go through, and the admin sees why.
        Portal.FailNext(1_000);
        using (await ActAsync(reception, code, new { action = "receive" }))
        {
        }

        var failed = (await OutboxTests.EventuallyAsync(async () =>
        {
            var report = await admin.GetJsonAsync("/api/v1/integration/national-sync?state=failed");
            return report.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("code").GetString() == code) is { ValueKind: System.Text.Json.JsonValueKind.Object } row
                ? (System.Text.Json.JsonElement?)row : null;
        }))!.Value;
        Assert.Contains("503", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal([1], Portal.Received(code).Select(p => p.Status));

        // Back up, the outbox tries again and it gets through: the portal holds each state once, in order.
        Portal.FailNext(0);
        // (Receiving writes two history lines, received then in progress; the push carries the application as it
        // stands, with every line in order, so the portal never goes back to an older state.)
        var pushes = await PushesAsync(code, 2, seconds: 90);
        Assert.Equal([1, 4], pushes.Select(p => p.Status));
        Assert.Equal(pushes.Count, pushes.Select(p => p.Sequence).Distinct().Count());
        using (var latest = System.Text.Json.JsonDocument.Parse(pushes[^1].Body))
        {
            var history = latest.RootElement.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("sequence").GetInt32(), h.GetProperty("toStatus").GetInt32())).ToList();
            Assert.Equal([(1, 1), (2, 2), (3, 4)], history);
        }
        var synced = (await OutboxTests.EventuallyAsync(async () =>
        {
            var report = await admin.GetJsonAsync("/api/v1/integration/national-sync?state=synced");
            return report.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("code").GetString() == code) is { ValueKind: System.Text.Json.JsonValueKind.Object } row
                ? (System.Text.Json.JsonElement?)row : null;
        }, seconds: 30))!.Value;
        Assert.Equal(pushes[^1].Sequence, synced.GetProperty("syncedSequence").GetInt32());
        Assert.True(synced.GetProperty("attempts").GetInt32() >= 2);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, synced.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task The_766_line_counts_the_applications_sent_in_the_period_that_the_portal_has_as_they_stand()
    {
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reception = await app.ApiClientFor("reception1");
        var ward = await WardIdAsync(app);
        async Task<(long N, long D)> LineAsync()
        {
            var sheet = await reception.GetJsonAsync($"/api/v1/index766?unitId={ward}&from={today}&to={today}");
            var line = sheet.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
                .Single(i => i.GetProperty("id").GetString() == "synced-to-national-portal");
            Assert.True(line.GetProperty("measured").GetBoolean());
            return (line.GetProperty("numerator").GetInt64(), line.GetProperty("denominator").GetInt64());
        }

        var before = await LineAsync();
        var synced = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Đồng Bộ Một");
        await PushesAsync(synced, 1);
        var after = await OutboxTests.EventuallyAsync(async () => await LineAsync() is var now && now.N > before.N ? ((long N, long D)?)now : null, 30);
        Assert.True(after!.Value.D > before.D);
        Assert.True(after.Value.N <= after.Value.D);
    }

    [Fact]
    public async Task Only_the_province_admin_reads_the_reconciliation_and_a_wrong_state_is_refused()
    {
        var admin = await app.ApiClientFor("admin");
        var report = await admin.GetJsonAsync("/api/v1/integration/national-sync");
        Assert.True(report.GetProperty("synced").GetInt32() + report.GetProperty("pending").GetInt32() + report.GetProperty("failed").GetInt32() >= 0);
        using (var bad = await admin.GetAsync(new Uri("/api/v1/integration/national-sync?state=done", UriKind.Relative)))
        {
            var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("synced, pending, failed", problem.GetProperty("errors").GetProperty("state")[0].GetString(), StringComparison.Ordinal);
        }

        var reception = await app.ApiClientFor("reception1");
        using var forbidden = await reception.GetAsync(new Uri("/api/v1/integration/national-sync", UriKind.Relative));
        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);

        // The page says the same, in Vietnamese; a wrong state is said and the whole list shown.
        using var pages = app.Pages();
        await pages.SignInAsync("admin");
        var (status, page) = await pages.GetAsync("/quan-tri/dong-bo-quoc-gia?state=done");
        Assert.Equal(HttpStatusCode.OK, status);
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("Đồng bộ với Cổng Dịch vụ công quốc gia", page, StringComparison.Ordinal);
        Assert.Contains("Chọn một trong: synced, pending, failed.", page, StringComparison.Ordinal);
        Assert.Contains("Đã đồng bộ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulated_portal_refuses_a_forged_a_stale_and_a_replayed_push()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.NationalPortal.BaseUrl) };
        const string Body = """{"code":"000.01.00.H99-261203-9999","sequence":1,"status":1}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        async Task<HttpStatusCode> SendAsync(string timestamp, string nonce, string secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, NationalPortalProtocol.ApplicationsPath) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            request.Headers.Add(NationalPortalProtocol.ClientHeader, NationalPortalHost.ClientId);
            request.Headers.Add(NationalPortalProtocol.TimestampHeader, timestamp);
            request.Headers.Add(NationalPortalProtocol.NonceHeader, nonce);
            request.Headers.Add(NationalPortalProtocol.SignatureHeader, NationalPortalProtocol.Sign(secret, timestamp, nonce, Body));
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(now, "forged-nonce-000000001", "NOT-THE-SECRET-NOT-THE-SECRET-0000"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(stale, "stale-nonce-0000000001", NationalPortalHost.Secret));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(now, "fresh-nonce-0000000001", NationalPortalHost.Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(now, "fresh-nonce-0000000001", NationalPortalHost.Secret));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NationalSyncOnSqlite(SqliteApp app) : NationalSyncTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NationalSyncOnPostgres(PostgresApp app) : NationalSyncTests(app);
