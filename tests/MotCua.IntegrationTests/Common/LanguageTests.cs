using System.Net;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Common;

/// <summary>Vietnamese first; English when a person picks it, remembered on the next pages, and back again.</summary>
public abstract class LanguageTests(MotCuaApp app)
{
    [Fact]
    public async Task English_is_picked_with_culture_en_remembered_and_vietnamese_stays_the_default()
    {
        using var pages = app.Pages();

        // The browser's own language does not switch the portal.
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var (_, first) = await pages.GetAsync("/");
        Assert.Contains("<html lang=\"vi\">", first, StringComparison.Ordinal);
        Assert.Contains("Tìm thủ tục hành chính", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\">English</a>", first, StringComparison.Ordinal);

        var (_, english) = await pages.GetAsync("/?culture=en");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Find an administrative procedure", english, StringComparison.Ordinal);

        // Remembered: the next page, without the parameter, is English too; the catalog's own names stay Vietnamese.
        var (status, search) = await pages.GetAsync("/thu-tuc?q=khai+sinh");
        Assert.Equal(HttpStatusCode.OK, status);
        search = WebUtility.HtmlDecode(search);
        Assert.Contains("matching “khai sinh”", search, StringComparison.Ordinal);
        Assert.Contains("Fully online", search, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\">Đăng ký khai sinh</a>", search, StringComparison.Ordinal);
        Assert.Contains("/thu-tuc?q=khai%20sinh&culture=vi-VN", search, StringComparison.Ordinal);

        var (_, back) = await pages.GetAsync("/thu-tuc?culture=vi-VN");
        Assert.Contains("<html lang=\"vi\">", back, StringComparison.Ordinal);
        Assert.Contains("Bộ lọc", WebUtility.HtmlDecode(back), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LanguageOnSqlite(SqliteApp app) : LanguageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LanguageOnPostgres(PostgresApp app) : LanguageTests(app);
