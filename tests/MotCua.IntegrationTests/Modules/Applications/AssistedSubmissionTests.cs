using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Applications;

/// <summary>
/// A volunteer of the community digital-technology team (or post-office staff) files for a citizen with recorded
/// consent, sees what they filed and nothing else, and never reaches the back office.
/// </summary>
public abstract class AssistedSubmissionTests(MotCuaApp app)
{
    private const string Password = "HoTro@2026!ab";

    private async Task<HttpClient> NewAssistantAsync()
    {
        var admin = await app.ApiClientFor("admin");
        var ward = await LifecycleApi.WardIdAsync(app);
        var userName = $"tocnso.{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName = "Tình nguyện viên Tổ công nghệ số", unitId = ward, roles = new[] { "Assistant" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await app.ApiClientFor(userName, Password);
    }

    [Fact]
    public async Task An_assistant_files_for_a_citizen_with_consent_and_sees_only_that()
    {
        var assistant = await NewAssistantAsync();
        var ward = await LifecycleApi.WardIdAsync(app);

        // Without the citizen's consent, or by another channel, nothing is filed.
        var noConsent = await LifecycleApi.SubmitAsync(assistant, new { procedureCode = LifecycleApi.Birth, unitId = ward, form = LifecycleApi.BirthForm(), applicantUserName = "citizen2" });
        var problem = await noConsent.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("consent", out _));
        await (await LifecycleApi.SubmitAsync(assistant, new { procedureCode = LifecycleApi.Birth, unitId = ward, form = LifecycleApi.BirthForm(), channel = "Counter", applicantUserName = "citizen2" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        using var filed = await LifecycleApi.SubmitAsync(assistant, new
        {
            procedureCode = LifecycleApi.Birth, unitId = ward, form = LifecycleApi.BirthForm("Trần Gia Hưng"),
            applicantUserName = "citizen2", consent = true, consentMethod = "InPerson", consentGivenBy = "Trần Thị Bình",
        });
        var body = await filed.ReadJsonAsync();
        Assert.True(filed.StatusCode == HttpStatusCode.Created, body.ToString());
        var code = body.GetProperty("code").GetString()!;
        Assert.Equal("Submitted", body.GetProperty("status").GetString());

        // The citizen owns it and sees who filed it with whose consent; the assistant can attach the papers.
        var citizen = await app.ApiClientFor("citizen2");
        var mine = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("OnlineAssisted", mine.GetProperty("channel").GetString());
        Assert.Contains("Trần Thị Bình đồng ý", mine.GetProperty("consent").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await LifecycleApi.AttachAsync(assistant, code, LifecycleApi.BirthCertificate, LifecycleApi.Pdf)).StatusCode);

        // The assistant lists what they filed and nothing of the ward's other applications.
        var listed = await assistant.GetJsonAsync("/api/v1/applications");
        Assert.Equal([code], listed.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var other = await LifecycleApi.SubmitBirthAsync(app, await app.ApiClientFor("citizen1"));
        await (await assistant.GetAsync(new Uri($"/api/v1/applications/{other}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);

        // No back office: no action on the application, no inbox of the ward, no officer pages, no withdrawal for the citizen.
        await (await LifecycleApi.ActAsync(assistant, code, new { action = "receive" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await LifecycleApi.ActAsync(assistant, code, new { action = "withdraw", note = "Rút" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await assistant.GetJsonAsync("/api/v1/inbox")).GetProperty("total").GetInt32());
        await (await assistant.GetAsync(new Uri("/api/v1/admin/officers", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var history = (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("Assistant", history[0].GetProperty("actorRole").GetString());
    }

    [Fact]
    public async Task An_assistant_does_not_open_the_officers_pages()
    {
        var admin = await app.ApiClientFor("admin");
        var userName = $"buudien.{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName = "Nhân viên bưu điện", unitId = await LifecycleApi.WardIdAsync(app), roles = new[] { "Assistant" }, password = Password })).StatusCode);
        using var pages = app.Pages();
        await pages.SignInAsync(userName, Password);
        foreach (var path in new[] { "/can-bo/ho-so", "/can-bo/ho-so/moi" })
        {
            var (status, _) = await pages.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }

        var (_, account) = await pages.GetAsync("/tai-khoan");
        Assert.DoesNotContain("href=\"/can-bo/ho-so\"", account, StringComparison.Ordinal);
        Assert.Contains("href=\"/ho-tro-nop-ho-so\"", account, StringComparison.Ordinal);

        // On the assistant's page: a mistake in each part first, then filed for citizen2 with consent.
        var page = $"/ho-tro-nop-ho-so?procedure={LifecycleApi.Birth}";
        var wardId = (await LifecycleApi.WardIdAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var wrong = await pages.SubmitAsync(page, new Dictionary<string, string> { ["procedure"] = LifecycleApi.Birth, ["unitId"] = wardId, ["applicantUserName"] = "khong-co-ai" }, "/ho-tro-nop-ho-so");
        Assert.Contains("Nhập tên đăng nhập (số định danh) của công dân", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noConsent = await pages.SubmitAsync(page, new Dictionary<string, string> { ["procedure"] = LifecycleApi.Birth, ["unitId"] = wardId, ["applicantUserName"] = "citizen2" }, "/ho-tro-nop-ho-so");
        Assert.Contains("Xác nhận người nộp đã đồng ý", await noConsent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["procedure"] = LifecycleApi.Birth, ["applicantUserName"] = "citizen2", ["consent"] = "true", ["consentMethod"] = "Phone",
            ["unitId"] = wardId,
        };
        foreach (var (key, value) in JsonSerializer.SerializeToElement(LifecycleApi.BirthForm("Trần Bảo Anh")).EnumerateObject().Select(p => (p.Name, p.Value.ToString())))
        {
            fields["form." + key] = value;
        }

        using var filed = await pages.SubmitAsync(page, fields, "/ho-tro-nop-ho-so");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var (_, done) = await pages.GetAsync(filed.Headers.Location!.OriginalString);
        Assert.Contains("Đã nộp hồ sơ", done, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", done, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssistedSubmissionOnSqlite(SqliteApp app) : AssistedSubmissionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AssistedSubmissionOnPostgres(PostgresApp app) : AssistedSubmissionTests(app);
