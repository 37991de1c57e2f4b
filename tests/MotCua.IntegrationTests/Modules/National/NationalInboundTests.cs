using System.Net;
using System.Text.Json;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Simulators.NationalPortal;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.National;

/// <summary>
/// Applications filed on the simulated national portal and handed to MotCua as the province system, over the signed
/// inbound endpoint: each becomes one application in the ward's reception inbox however often it arrives; a forged,
/// stale, replayed or unreadable request is refused and changes nothing; the applicant's supplement and withdrawal
/// sent there apply here as the portal.
/// </summary>
public abstract class NationalInboundTests(MotCuaApp app)
{
    private const string Ward = "000.01.00.H99";
    private const string Citizen1Identity = "001090000001";

    private NationalPortalSimulator Portal => app.NationalPortal.Simulator;

    private static string NewNationalCode() => "G22.99-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private static string Submission(string nationalCode, string identityNumber = Citizen1Identity, string procedureCode = Birth, string unitCode = Ward,
        string child = "Nguyễn Quốc Bảo", IReadOnlyList<object>? documents = null) =>
        JsonSerializer.Serialize(new
        {
            nationalCode,
            procedureCode,
            unitCode,
            applicant = new { name = "Nguyễn Văn An", identityNumber, phone = "0912000001", email = "an@example.com", address = "Số 1 đường Trần Phú, phường An Phú", identityVerified = true },
            form = BirthForm(child),
            documents = documents ?? [new { name = BirthCertificate, fileName = "giay-chung-sinh.pdf", content = Convert.ToBase64String(Pdf) }],
        });

    private async Task<(HttpStatusCode Status, JsonElement Body)> HandOverAsync(string path, string body, string? nonce = null, DateTimeOffset? at = null)
    {
        using var client = app.CreateClient();
        using var response = await Portal.HandOverAsync(client, path, body, nonce, at);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    /// <summary>Whether the application is in the caller's inbox, on whichever page its due date puts it.</summary>
    private static async Task<bool> InInboxAsync(HttpClient officer, string code)
    {
        for (var page = 1; page <= 30; page++)
        {
            var items = (await officer.GetJsonAsync($"/api/v1/inbox?page={page}&pageSize=100")).GetProperty("items");
            if (items.Strings("code").Contains(code))
            {
                return true;
            }

            if (items.GetArrayLength() < 100)
            {
                return false;
            }
        }

        return false;
    }

    [Fact]
    public async Task An_application_from_the_national_portal_arriving_twice_becomes_one_in_the_reception_inbox()
    {
        var nationalCode = NewNationalCode();
        var body = Submission(nationalCode);
        var (status, first) = await HandOverAsync(string.Empty, body);
        Assert.True(status == HttpStatusCode.Created, first.ToString());
        var code = first.GetProperty("code").GetString()!;
        Assert.StartsWith(Ward + "-", code, StringComparison.Ordinal);
        Assert.Equal(("Submitted", false), (first.GetProperty("status").GetString(), first.GetProperty("duplicate").GetBoolean()));

        // The portal did not hear the answer and sends it again, with a fresh nonce: the same application.
        var (again, second) = await HandOverAsync(string.Empty, body);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal((code, true), (second.GetProperty("code").GetString(), second.GetProperty("duplicate").GetBoolean()));

        var reception = await app.ApiClientFor("reception1");
        Assert.True(await InInboxAsync(reception, code));
        var view = await reception.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal(("NationalPortal", "OnlineRemote", nationalCode, true),
            (view.GetProperty("source").GetString(), view.GetProperty("channel").GetString(), view.GetProperty("nationalCode").GetString(), view.GetProperty("identityVerified").GetBoolean()));
        var history = view.GetProperty("history");
        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal(("Cổng Dịch vụ công quốc gia", "System"), (history[0].GetProperty("actorName").GetString(), history[0].GetProperty("actorRole").GetString()));
        Assert.Contains(nationalCode, history[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal([BirthCertificate], view.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));

        // The citizen has an account with that identity number: it is among theirs.
        var citizen = await app.ApiClientFor("citizen1");
        Assert.Contains(code, (await citizen.GetJsonAsync("/api/v1/applications?mine=true")).GetProperty("items").Strings("code"));

        // Its status goes back to the portal, under the portal's own code.
        var pushes = await OutboxTests.EventuallyAsync(() => Task.FromResult(Portal.Received(code) is { Count: >= 1 } r ? r : null), 15);
        using (var push = JsonDocument.Parse(pushes[0].Body))
        {
            Assert.Equal((nationalCode, 1, true), (push.RootElement.GetProperty("nationalCode").GetString(), push.RootElement.GetProperty("status").GetInt32(),
                push.RootElement.GetProperty("identityVerified").GetBoolean()));
        }

        // Received, then withdrawn on the portal: the one-stop is asked to confirm; sent twice, once.
        await ActOkAsync(reception, code, new { action = "receive" });
        var (withdrawn, withdrawal) = await HandOverAsync($"/{nationalCode}/withdrawal", """{"reason":"Gia đình đã đăng ký ở nơi khác"}""");
        Assert.True(withdrawn == HttpStatusCode.OK, withdrawal.ToString());
        Assert.Equal(("WithdrawalRequested", false), (withdrawal.GetProperty("status").GetString(), withdrawal.GetProperty("duplicate").GetBoolean()));
        var (_, repeated) = await HandOverAsync($"/{nationalCode}/withdrawal", """{"reason":"Gia đình đã đăng ký ở nơi khác"}""");
        Assert.True(repeated.GetProperty("duplicate").GetBoolean());
        var last = (await reception.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("withdraw", "Cổng Dịch vụ công quốc gia", "Gia đình đã đăng ký ở nơi khác"),
            (last.GetProperty("action").GetString(), last.GetProperty("actorName").GetString(), last.GetProperty("note").GetString()));
        await ActOkAsync(reception, code, new { action = "confirm-withdrawal" });
    }

    [Fact]
    public async Task A_forged_a_stale_a_replayed_or_unreadable_request_is_refused_and_changes_nothing()
    {
        var nationalCode = NewNationalCode();
        var body = Submission(nationalCode);
        using var client = app.CreateClient();

        async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string secret, DateTimeOffset at, string? nonce = null, string? signedBody = null, string clientId = NationalPortalHost.ClientId)
        {
            using var request = NationalPortalProtocol.Signed(HttpMethod.Post, new Uri(NationalPortalProtocol.InboundPath, UriKind.Relative), signedBody ?? body, clientId, secret, at, nonce);
            if (signedBody is not null)
            {
                // Signed over one body, sent with another: a forgery.
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.ReadJsonAsync());
        }

        var now = DateTimeOffset.UtcNow;
        var (forged, problem) = await SendAsync("NOT-THE-SECRET-NOT-THE-SECRET-NOT-THE-SECRET", now);
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.Equal("Chữ ký không đúng.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(NationalPortalHost.Secret, now, signedBody: body.Replace(nationalCode, nationalCode + "X", StringComparison.Ordinal))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(NationalPortalHost.Secret, now, clientId: "someone-else")).Status);
        var (stale, staleProblem) = await SendAsync(NationalPortalHost.Secret, now.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, stale);
        Assert.Contains("5 phút", staleProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Unreadable, or wrong in every field: a problem that names each, and nothing made.
        Assert.Equal(HttpStatusCode.BadRequest, (await HandOverAsync(string.Empty, "{not json")).Status);
        var wrong = JsonSerializer.Serialize(new
        {
            nationalCode,
            procedureCode = Birth,
            unitCode = Ward,
            applicant = new { name = "", identityNumber = "12345", phone = "12", email = "khong-phai-thu", address = "Số 1" },
            form = new { hoTenTre = "" },
            documents = new object[] { new { name = BirthCertificate, fileName = "a.exe", content = Convert.ToBase64String("MZ not a pdf"u8.ToArray()) }, new { name = "", content = "" } },
        });
        var (invalid, invalidProblem) = await HandOverAsync(string.Empty, wrong);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        var errors = invalidProblem.GetProperty("errors");
        foreach (var field in new[] { "applicant.name", "applicant.identityNumber", "applicant.phone", "applicant.email", "documents[0].content", "documents[1].name" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }

        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("form.", StringComparison.Ordinal));
        var (unknown, unknownProblem) = await HandOverAsync(string.Empty, Submission(nationalCode, procedureCode: "9.999999"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.True(unknownProblem.GetProperty("errors").TryGetProperty("procedureCode", out _));

        // None of that made an application: the first sound request does; the same request sent again is a replay.
        const string Nonce = "replayed-nonce-00000000000000001";
        var (made, madeBody) = await SendAsync(NationalPortalHost.Secret, now, Nonce);
        Assert.True(made == HttpStatusCode.Created, madeBody.ToString());
        Assert.False(madeBody.GetProperty("duplicate").GetBoolean());
        var (replayed, replayProblem) = await SendAsync(NationalPortalHost.Secret, now, Nonce);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed);
        Assert.Equal("Yêu cầu này đã được gửi trước đó.", replayProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_supplement_sent_on_the_national_portal_reaches_the_officer_as_the_portal()
    {
        var nationalCode = NewNationalCode();
        var (status, made) = await HandOverAsync(string.Empty, Submission(nationalCode, identityNumber: "001085000777", child: "Trần Gia Hân"));
        Assert.True(status == HttpStatusCode.Created, made.ToString());
        var code = made.GetProperty("code").GetString()!;
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        await ActOkAsync(reception, code, new { action = "receive" });

        // Not waiting for a supplement yet: refused, nothing attached.
        var supplement = JsonSerializer.Serialize(new
        {
            note = "Gửi bản chụp rõ nét",
            documents = new[] { new { name = BirthCertificate, fileName = "ban-ro.pdf", content = Convert.ToBase64String(Pdf) } },
        });
        var (early, _) = await HandOverAsync($"/{nationalCode}/supplement", supplement);
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Single((await reception.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("documents").EnumerateArray());

        await ActOkAsync(specialist, code, new { action = "request-supplement", items = new[] { new { name = BirthCertificate, reason = "Bản chụp bị mờ" } } });
        var (sent, back) = await HandOverAsync($"/{nationalCode}/supplement", supplement);
        Assert.True(sent == HttpStatusCode.OK, back.ToString());
        Assert.Equal(("InProgress", false), (back.GetProperty("status").GetString(), back.GetProperty("duplicate").GetBoolean()));
        var (_, twice) = await HandOverAsync($"/{nationalCode}/supplement", supplement);
        Assert.True(twice.GetProperty("duplicate").GetBoolean());

        var view = await specialist.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal(2, view.GetProperty("documents").GetArrayLength());
        var last = view.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("supplement", "Cổng Dịch vụ công quốc gia"), (last.GetProperty("action").GetString(), last.GetProperty("actorName").GetString()));
        Assert.True(await InInboxAsync(specialist, code));

        // An application the portal never handed over is not found.
        var (missing, _) = await HandOverAsync("/G22.99-KHONGCO0001/withdrawal", """{"reason":"x"}""");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NationalInboundOnSqlite(SqliteApp app) : NationalInboundTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NationalInboundOnPostgres(PostgresApp app) : NationalInboundTests(app);
