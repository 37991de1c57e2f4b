using System.Net;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Common;

public abstract class PlatformTests(MotCuaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Health_checks_the_database()
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var doc = await _client.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/units", "/api/v1/procedures", "/api/v1/procedures/{code}", "/api/v1/auth/token", "/api/v1/me" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/khong-co", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_page_is_explained_in_vietnamese()
    {
        using var response = await _client.GetAsync(new Uri("/trang-khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlatformOnSqlite(SqliteApp app) : PlatformTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlatformOnPostgres(PostgresApp app) : PlatformTests(app);
