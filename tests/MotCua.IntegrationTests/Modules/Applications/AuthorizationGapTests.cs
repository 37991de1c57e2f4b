using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

/// <summary>Who may attach a result, who sees a draft, and the attachment cap under concurrent uploads.</summary>
public abstract class AuthorizationGapTests(MotCuaApp app)
{
    [Fact]
    public async Task Only_the_officer_holding_the_current_step_or_the_approving_leader_attaches_the_result()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var leader = await app.ApiClientFor("leader1");
        var code = await SubmitBirthAsync(app, citizen);
        await ActOkAsync(reception, code, new { action = "receive" });

        // At the specialist's step: reception and the leader of the same unit may not attach the result.
        foreach (var other in new[] { reception, leader, citizen })
        {
            using var refused = await AttachAsync(other, code, "Giấy khai sinh", Pdf, "ket-qua.pdf", "Result");
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, refused.StatusCode.ToString());
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using (var draft = await AttachAsync(specialist, code, "Dự thảo giấy khai sinh", Pdf, "du-thao.pdf", "Result"))
        {
            Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        }

        await ActOkAsync(specialist, code, new { action = "forward" });
        using (var late = await AttachAsync(specialist, code, "Giấy khai sinh", Pdf, "ket-qua.pdf", "Result"))
        {
            await late.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var signed = await AttachAsync(leader, code, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result");
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var documents = (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("documents").EnumerateArray()
            .Where(d => d.GetProperty("kind").GetString() == "Result").ToList();
        Assert.Equal(2, documents.Count);
    }

    [Fact]
    public async Task Officers_do_not_see_a_citizens_draft()
    {
        var citizen = await app.ApiClientFor("citizen1");
        using var created = await SubmitAsync(citizen, new { procedureCode = Birth, unitId = await WardIdAsync(app), form = BirthForm("Bản Nháp"), draft = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.ReadJsonAsync()).GetProperty("code").GetString()!;
        await citizen.GetJsonAsync($"/api/v1/applications/{code}");

        foreach (var officer in new[] { "reception1", "specialist1", "leader1", "admin" })
        {
            var client = await app.ApiClientFor(officer);
            using var one = await client.GetAsync(new Uri($"/api/v1/applications/{code}", UriKind.Relative));
            await one.AssertProblemAsync(HttpStatusCode.NotFound);
            var list = await client.GetJsonAsync("/api/v1/applications?status=Draft&pageSize=100");
            Assert.DoesNotContain(code, list.GetProperty("items").Strings("code"));
            using var slip = await client.GetAsync(new Uri($"/api/v1/applications/{code}/slips/receipt", UriKind.Relative));
            await slip.AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_attachment_cap_holds_under_concurrent_uploads()
    {
        var citizen = await app.ApiClientFor("citizen2");
        using var created = await SubmitAsync(citizen, new { procedureCode = Birth, unitId = await WardIdAsync(app), form = BirthForm("Đính Kèm"), draft = true });
        var code = (await created.ReadJsonAsync()).GetProperty("code").GetString()!;

        // Forty uploads at once, ten at a time in flight: exactly thirty are kept.
        using var gate = new SemaphoreSlim(10);
        var uploads = Enumerable.Range(0, 40).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await AttachAsync(citizen, code, $"Giấy tờ {i}", Pdf, $"giay-to-{i}.pdf");
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var statuses = await Task.WhenAll(uploads);

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.True(s is HttpStatusCode.Conflict, s.ToString()));
        var view = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal(30, view.GetProperty("documents").GetArrayLength());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationGapsOnSqlite(SqliteApp app) : AuthorizationGapTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuthorizationGapsOnPostgres(PostgresApp app) : AuthorizationGapTests(app);
