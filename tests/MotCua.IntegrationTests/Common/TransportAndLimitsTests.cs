using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Common;

/// <summary>HTTPS, caching and rate limits as production runs them (<see cref="StrictSettings"/>).</summary>
public abstract class TransportAndLimitsTests(MotCuaApp app)
{
    private static readonly Uri Https = new("https://motcua.anbinh.gov.vn");

    private HttpClient Client(bool cookies = false) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false, HandleCookies = cookies });

    [Fact]
    public async Task Http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://motcua.anbinh.gov.vn"), AllowAutoRedirect = false });
        using (var plain = await http.GetAsync(new Uri("/thu-tuc", UriKind.Relative)))
        {
            Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, plain.StatusCode.ToString());
            Assert.Equal("https", plain.Headers.Location?.Scheme);
        }

        using var secure = await Client().GetAsync(new Uri("/thu-tuc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(secure.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_anti_forgery_cookie_is_secure_over_https()
    {
        using var page = await Client().GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        var csrf = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("motcua.csrf=", StringComparison.Ordinal));
        Assert.Contains("secure", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", csrf, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_answers_and_pages_are_never_cached()
    {
        using (var api = await Client().GetAsync(new Uri("/api/v1/procedures", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            Assert.True(api.Headers.CacheControl?.NoStore, "API: no-store");
        }

        using (var problem = await Client().GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
        {
            Assert.True(problem.Headers.CacheControl?.NoStore, "API problem: no-store");
        }

        using var page = await Client().GetAsync(new Uri("/tra-cuu", UriKind.Relative));
        Assert.True(page.Headers.CacheControl?.NoStore, "page: no-store");
    }

    [Fact]
    public async Task Public_tracking_is_rate_limited_per_address_with_retry_after_in_vietnamese()
    {
        var client = Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < StrictSettings.PerMinute + 2 && limited is null; i++)
        {
            var response = await client.GetAsync(new Uri($"/api/v1/tracking/000.01.00.H99-260101-{i:0000}", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Contains("Vui lòng thử lại sau", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(limited.Headers.RetryAfter is not null, "Retry-After");
        }

        // The page shares the address's allowance and says so in Vietnamese; the empty form is not a lookup.
        using (var form = await client.GetAsync(new Uri("/tra-cuu", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        using var page = await client.GetAsync(new Uri("/tra-cuu?code=000.01.00.H99-260101-0001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter is not null, "Retry-After on the page");
        Assert.Contains("Bạn thao tác quá nhanh", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_limits_count_attempts_not_views_of_the_page()
    {
        var client = Client();
        for (var i = 0; i < StrictSettings.PerMinute * 3; i++)
        {
            using var view = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        HttpStatusCode last = default;
        for (var i = 0; i <= StrictSettings.PerMinute; i++)
        {
            using var attempt = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = $"khong-co-{i}", password = "Sai@2026!" });
            last = attempt.StatusCode;
            if (last == HttpStatusCode.TooManyRequests)
            {
                Assert.True(attempt.Headers.RetryAfter is not null, "Retry-After");
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }
}

public sealed class TransportAndLimitsOnSqlite(StrictSqliteApp app) : TransportAndLimitsTests(app), IClassFixture<StrictSqliteApp>;

public sealed class TransportAndLimitsOnPostgres(StrictPostgresApp app) : TransportAndLimitsTests(app), IClassFixture<StrictPostgresApp>;

/// <summary>What the real server (Kestrel, not the in-memory test server) sends.</summary>
public sealed class KestrelHeaderTests
{
    [Fact]
    public async Task Kestrel_sends_no_server_header_and_refuses_a_nul_in_the_path()
    {
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "motcua-tests"));
        await using var app = new SqliteApp();
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();
        using var page = await client.GetAsync(new Uri("/thu-tuc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), "Server header");
        using var api = await client.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        await api.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        using var nul = await client.GetAsync(new Uri("/api/v1/tracking/A%00B", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        await ((IAsyncLifetime)app).DisposeAsync();
    }
}
