using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Common;

/// <summary>
/// Malformed and hostile input under the README's own run command (Development): every API failure is a problem
/// document naming the field, nothing crashes, and a refused request writes nothing.
/// </summary>
public abstract class BadInputTests(MotCuaApp app)
{
    [Theory]
    [InlineData("{", "body")]
    [InlineData("""{"procedureCode":-1,"unitId":1,"form":{}}""", "procedureCode")]
    [InlineData("""{"procedureCode":"1.001193","unitId":"x","form":{}}""", "unitId")]
    [InlineData("""{"procedureCode":"1.001193","unitId":1.5,"form":{}}""", "unitId")]
    [InlineData("""{"procedureCode":"1.001193","unitId":1,"form":{},"channel":99}""", "channel")]
    [InlineData("""{"procedureCode":"1.001193","unitId":1,"form":{},"channel":-2147483648}""", "channel")]
    [InlineData("""{"procedureCode":"1.001193","unitId":1,"form":{},"channel":"Teleport"}""", "channel")]
    [InlineData("""{"procedureCode":"1.0\u0000","unitId":1,"form":{}}""", "procedureCode")]
    [InlineData("""{"procedureCode":"\ud800","unitId":1,"form":{}}""", "procedureCode")]
    [InlineData("""{"procedureCode":"1.001193","unitId":1,"form":{"hoTenTre":"A\uFFFEB"}}""", "form.hoTenTre")]
    [InlineData("""{"procedureCode":"1.001193","unitId":1,"form":{"hoTenTre":"An\u0000"}}""", "form.hoTenTre")]
    public async Task A_malformed_submission_is_a_400_problem_naming_the_field_and_creates_nothing(string body, string field)
    {
        var citizen = await app.ApiClientFor("citizen1");
        var before = await CountAsync();
        var ward = await WardIdAsync(app);
        using var content = new StringContent(body.Replace("\"unitId\":1,", $"\"unitId\":{ward},", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var response = await citizen.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), content);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Every_mistake_of_a_keyed_in_application_comes_back_in_one_problem()
    {
        var reception = await app.ApiClientFor("reception1");
        var before = await CountAsync();
        using var response = await SubmitAsync(reception, new
        {
            procedureCode = Birth,
            channel = "Counter",
            applicant = new { name = "", phone = "09123" },
            form = new { ngaySinhTre = "2030-01-01" },
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "unitId", "applicant.name", "applicant.phone", "form.hoTenTre", "form.ngaySinhTre" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_is_a_400_problem()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var bytes = Encoding.UTF8.GetBytes("{\"procedureCode\":\"1.00").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\",\"unitId\":1,\"form\":{}}")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await citizen.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), content);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/v1/procedures?unitId=1.5", "unitId")]
    [InlineData("/api/v1/procedures?page=abc", "page")]
    [InlineData("/api/v1/procedures?q=%EF%BF%BE", "q")]
    [InlineData("/api/v1/procedures?q=%00", "q")]
    [InlineData("/api/v1/procedures?onlineLevel=99", "onlineLevel")]
    [InlineData("/api/v1/procedures/1.001193/expected-date?submittedAt=9999-12-31T23:59:59Z", "submittedAt")]
    [InlineData("/api/v1/procedures/1.001193/expected-date?submittedAt=9999-12-31T23:59:59%2B14:00", "submittedAt")]
    [InlineData("/api/v1/procedures/1.001193/expected-date?submittedAt=0001-01-01T00:00:00Z", "submittedAt")]
    public async Task A_bad_query_is_a_400_problem_naming_it(string path, string field)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/applications?mine=abc", "mine")]
    [InlineData("/api/v1/applications?status=99", "status")]
    [InlineData("/api/v1/units/1/tracking-book?from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("/api/v1/units/1/tracking-book?from=0001-01-01&to=0001-01-02", "from")]
    [InlineData("/api/v1/units/1/tracking-book?from=2026-01-01&to=2026-13-01", "to")]
    public async Task A_bad_query_from_an_officer_is_a_400_problem_naming_it(string path, string field)
    {
        var admin = await app.ApiClientFor("admin");
        using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Pages_refuse_unreadable_text_with_a_vietnamese_page_not_a_crash()
    {
        foreach (var path in new[] { "/thu-tuc?q=%EF%BF%BE", "/thu-tuc?q=%00", "/tra-cuu?code=%00", "/thu-tuc?onlineLevel=99" })
        {
            using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Unknown_routes_wrong_methods_types_and_sizes_are_problem_documents()
    {
        var client = await app.ApiClientFor("citizen1");
        using (var unknown = await client.GetAsync(new Uri("/api/v1/khong-co", UriKind.Relative)))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var method = await client.DeleteAsync(new Uri("/api/v1/procedures", UriKind.Relative)))
        {
            await method.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
            Assert.Contains("GET", method.Content.Headers.Allow);
        }

        using (var text = new StringContent("procedureCode=1", Encoding.UTF8, "text/plain"))
        using (var type = await client.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), text))
        {
            await type.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        var huge = "{\"procedureCode\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        using (var big = new StringContent(huge, Encoding.UTF8, "application/json"))
        using (var size = await client.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), big))
        {
            await size.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var broken = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IFileStorage>(new BrokenStorage())));
        var client = broken.CreateClient();
        using (var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "citizen2", password = MotCuaApp.DemoPassword }))
        {
            var body = await token.ReadJsonAsync();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        }

        using var created = await SubmitAsync(client, new { procedureCode = Birth, unitId = await WardIdAsync(app), form = BirthForm("Lỗi Đĩa"), draft = true });
        var code = (await created.ReadJsonAsync()).GetProperty("code").GetString()!;
        using var upload = await AttachAsync(client, code, "Giấy chứng sinh", Pdf);
        var problem = await upload.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        var text = problem.ToString();
        Assert.DoesNotContain(BrokenStorage.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("at MotCua", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_the_database_would_refuse_is_refused_alike_on_both_databases_and_writes_nothing()
    {
        var reception = await app.ApiClientFor("reception1");
        var ward = await WardIdAsync(app);
        var cases = new (object Applicant, string Field)[]
        {
            (new { name = "Lê Văn\u0000 Tám" }, "applicant.name"),
            (new { name = "Lê Văn Tám", address = new string('a', 401) }, "applicant.address"),
            (new { name = "Lê Văn Tám", email = new string('a', 245) + "@example.vn" }, "applicant.email"),
            (new { name = new string('A', 201) }, "applicant.name"),
            (new { name = "Lê Văn Tám", identityNumber = "001080\u000000008" }, "applicant.identityNumber"),
        };
        foreach (var (applicant, field) in cases)
        {
            var before = await CountAsync();
            using var response = await SubmitAsync(reception, new { procedureCode = Birth, unitId = ward, channel = "Counter", applicant, form = BirthForm() });
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
            Assert.Equal(before, await CountAsync());
        }

        // On an application: a NUL in a note, a supplement item, an attachment name.
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"));
        var citizen = await app.ApiClientFor("citizen1");
        foreach (var body in new object[]
        {
            new { action = "receive", note = "Đã nhận\u0000" },
            new { action = "request-supplement", items = new[] { new { name = "Giấy chứng sinh\u0000", reason = "Thiếu" } } },
            new { action = "request-supplement", items = new[] { new { name = "Giấy chứng sinh", reason = new string('x', 2001) } } },
            new { action = "refuse", reason = new string('x', 2001) },
        })
        {
            using var response = await ActAsync(reception, code, body);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var attach = await AttachAsync(citizen, code, "Giấy\u0000 chứng sinh", Pdf))
        {
            await attach.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        foreach (var kind in new[] { "99", "-2147483648", "2" })
        {
            using var attach = await AttachAsync(citizen, code, "Giấy chứng sinh", Pdf, kind: kind);
            Assert.True((await attach.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("kind", out _), kind);
        }

        var view = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("history").GetArrayLength());
        Assert.Equal(0, view.GetProperty("documents").GetArrayLength());

        using var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "citizen1\u0000", password = "x" });
        var tokenProblem = await token.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tokenProblem.GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task An_apology_date_outside_2000_to_2100_is_refused()
    {
        var reception = await app.ApiClientFor("reception1");
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen2"));
        using var response = await ActAsync(reception, code, new { action = "apologize", reason = "Quá hạn", newDueAt = "9999-12-31T23:59:59Z" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newDueAt", out _), problem.ToString());
    }

    private async Task<(int Applications, int Events, int Documents, int Users)> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        return (await db.Set<MotCua.Web.Modules.Applications.Domain.Application>().CountAsync(),
            await db.Set<MotCua.Web.Modules.Applications.Domain.ApplicationEvent>().CountAsync(),
            await db.Set<MotCua.Web.Modules.Applications.Domain.ApplicationDocument>().CountAsync(),
            await db.Users.CountAsync());
    }

    private sealed class BrokenStorage : IFileStorage
    {
        public const string Secret = "/srv/secret/disk-path";

        public Task<string> SaveAsync(Stream content, CancellationToken cancellationToken) => throw new IOException("disk full at " + Secret);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => throw new IOException("disk gone at " + Secret);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new IOException("disk gone at " + Secret);
    }
}

[CollectionDefinition(Name)]
public sealed class DevelopmentSqliteCollection : ICollectionFixture<DevelopmentSqliteApp>
{
    public const string Name = "SQLite (Development)";
}

[CollectionDefinition(Name)]
public sealed class DevelopmentPostgresCollection : ICollectionFixture<DevelopmentPostgresApp>
{
    public const string Name = "PostgreSQL (Development)";
}

[Collection(DevelopmentSqliteCollection.Name)]
public sealed class BadInputOnSqlite(DevelopmentSqliteApp app) : BadInputTests(app);

[Collection(DevelopmentPostgresCollection.Name)]
public sealed class BadInputOnPostgres(DevelopmentPostgresApp app) : BadInputTests(app);
