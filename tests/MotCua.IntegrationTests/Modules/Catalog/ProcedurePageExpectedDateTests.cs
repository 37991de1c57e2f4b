using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using NodaTime;

namespace MotCua.IntegrationTests.Modules.Catalog;

public abstract class ProcedurePageExpectedDateTests(MotCuaApp app)
{
    [Fact]
    public async Task An_online_procedure_page_says_when_a_result_would_come_if_submitted_now()
    {
        // Thursday 26/11/2026 16:00 in Hà Nội; birth registration takes 8 working hours.
        var thursday = Instant.FromUtc(2026, 11, 26, 9, 0);
        await using var atThursday = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IClock>(new FixedClock(thursday))));
        using var client = atThursday.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/thu-tuc/1.001193", UriKind.Relative)));
        Assert.Contains("Nếu nộp trực tuyến ngay bây giờ, dự kiến có kết quả trước 16:00 thứ Sáu, 27/11/2026", html, StringComparison.Ordinal);
        Assert.Contains("Thời hạn giải quyết", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_online_procedure_page_shows_the_expected_date_with_the_real_clock()
    {
        using var pages = app.Pages();
        var (status, html) = await pages.GetAsync("/thu-tuc/1.001193");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"dự kiến có kết quả trước \d{2}:\d{2} (thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d{2}/\d{2}/\d{4}", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task An_information_only_procedure_page_promises_no_date()
    {
        using var pages = app.Pages();
        var (status, html) = await pages.GetAsync("/thu-tuc/DP-0001");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Nếu nộp trực tuyến ngay bây giờ", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProcedurePageExpectedDateOnSqlite(SqliteApp app) : ProcedurePageExpectedDateTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProcedurePageExpectedDateOnPostgres(PostgresApp app) : ProcedurePageExpectedDateTests(app);
