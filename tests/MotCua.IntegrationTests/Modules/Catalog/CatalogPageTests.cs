using System.Net;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Catalog;

public abstract partial class CatalogPageTests(MotCuaApp app)
{
    [Fact]
    public async Task Searching_without_diacritics_lists_birth_registration_first()
    {
        using var pages = app.Pages();
        var (status, html) = await pages.GetAsync("/thu-tuc?q=khai+sinh+dang+ky");
        Assert.Equal(HttpStatusCode.OK, status);
        var titles = ResultTitle().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal("Đăng ký khai sinh", titles[0]);
    }

    [Fact]
    public async Task The_procedure_page_tells_what_to_prepare_the_time_the_fee_and_where()
    {
        using var pages = app.Pages();
        var (status, html) = await pages.GetAsync("/thu-tuc/1.001193");
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        foreach (var text in new[] { "<h1>Đăng ký khai sinh</h1>", "Giấy tờ cần chuẩn bị", "Thời hạn giải quyết", "Phí, lệ phí", "Nơi nộp hồ sơ", "Cách nộp hồ sơ", "Thông tin bạn sẽ khai", "Căn cứ pháp lý" })
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Filters_by_online_level_show_only_that_level()
    {
        using var pages = app.Pages();
        var (_, html) = await pages.GetAsync("/thu-tuc?onlineLevel=Info");
        Assert.Contains("Chỉ cung cấp thông tin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("badge-full", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nonsense_query_says_nothing_was_found()
    {
        using var pages = app.Pages();
        var (status, html) = await pages.GetAsync("/thu-tuc?q=zzzqqq");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Không tìm thấy thủ tục nào", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_procedure_page_is_a_404_page()
    {
        using var pages = app.Pages();
        var (status, html) = await pages.GetAsync("/thu-tuc/9.999999");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy trang", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [GeneratedRegex("<h2 class=\"procedure-title\"><a href=\"[^\"]+\"(?: lang=\"vi\")?>([^<]+)</a></h2>")]
    private static partial Regex ResultTitle();
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogPagesOnSqlite(SqliteApp app) : CatalogPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CatalogPagesOnPostgres(PostgresApp app) : CatalogPageTests(app);
