using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;

namespace MotCua.BrowserTests;

/// <summary>
/// The officer's indicator dashboard in the browser: from the back office's navigation to the ward's figures, each
/// against the target the province set, the colour said in words; a bad period is explained beside its field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IndicatorDashboardTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_reads_each_indicators_level_against_its_target_on_the_dashboard()
    {
        // The province's targets for the ward this year: nothing asked of online filing (always met), a million
        // applications finished on time (not met).
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date;
        using (var scope = app.Services.CreateScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Catalog.Public.CatalogDirectory>();
            var ward = (await catalog.UnitAsync("000.01.00.H99", CancellationToken.None))!;
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var (from, to) = (new LocalDate(today.Year, 1, 1), new LocalDate(today.Year, 12, 31));
            db.Add(new IndicatorTarget(ward.Id, "online-application-rate", from, to, TargetKind.Count, 0, "Quản trị hệ thống tỉnh", SystemClock.Instance.GetCurrentInstant()));
            db.Add(new IndicatorTarget(ward.Id, "on-time-rate", from, to, TargetKind.Count, 1_000_000, "Quản trị hệ thống tỉnh", SystemClock.Instance.GetCurrentInstant()));
            await db.SaveChangesAsync();
        }

        var axe = new AxeCheck();
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("reception1", "MotCua@2026");
        await page.GotoAsync("/can-bo/ho-so");
        await page.Locator(".officer-nav").GetByRole(AriaRole.Link, new() { Name = "Chỉ số" }).ClickAsync();
        await page.WaitForURLAsync("**/can-bo/chi-so");
        Assert.Contains("UBND phường An Phú", await page.Locator("h2").First.InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal("Xanh (đạt)", await page.Locator("tr[data-indicator=online-application-rate] .level-tag").InnerTextAsync());
        Assert.Equal("Đỏ", await page.Locator("tr[data-indicator=on-time-rate] .level-tag").InnerTextAsync());
        Assert.Contains("≥ 1.000.000 hồ sơ", await page.Locator("tr[data-indicator=on-time-rate]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Chưa đặt mục tiêu", await page.Locator("tr[data-indicator=postal-rate]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("cần thêm 1.000.000 hồ sơ giải quyết xong trong kỳ trước hạn hoặc đúng hạn", await page.Locator(".gap-list li[data-indicator=on-time-rate]").InnerTextAsync(), StringComparison.Ordinal);
        // The trend: twelve reporting months drawn as an image with its words, the numbers in a table beside it.
        Assert.Equal(12, await page.Locator(".trend-table tbody tr").CountAsync());
        Assert.Equal("img", await page.Locator("svg.trend-chart").GetAttributeAsync("role"));
        await page.Locator(".trend-choices").GetByRole(AriaRole.Link, new() { Name = "Tỷ lệ hồ sơ giải quyết đúng hạn" }).ClickAsync();
        await page.Locator("svg.trend-chart title", new() { HasTextString = "Tỷ lệ hồ sơ giải quyết đúng hạn" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await axe.CheckAsync(page, "chỉ số");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "chi-so-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "chi-so-390.png"), FullPage = true });

        // A period that ends before it starts is explained beside the field, and nothing is shown as if it were right.
        await page.GotoAsync($"/can-bo/chi-so?from={today.Year}-12-31&to={today.Year}-01-01");
        Assert.Contains("không được trước ngày đầu kỳ", await page.Locator("#to-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".indicator-table").CountAsync());

        // The province admin sees the province and every unit directly below it, each to open further down.
        var admin = await app.NewPageAsync();
        await new LoginPage(admin).SignInAsync("admin", "MotCua@2026");
        await admin.GotoAsync("/can-bo/chi-so");
        Assert.True(await admin.Locator(".indicator-units tbody tr").CountAsync() >= 2);

        // The ranking puts the ward first: 10 points for the target met, none for the million, 2 off for missing it.
        var top = admin.Locator(".indicator-units tbody tr").First;
        Assert.Contains("UBND phường An Phú", await top.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await top.Locator(".rank strong").InnerTextAsync());
        Assert.Contains("8 điểm; đạt 1, không đạt 1 mục tiêu", await top.Locator(".rank").InnerTextAsync(), StringComparison.Ordinal);
        await axe.CheckAsync(admin, "chỉ số của tỉnh");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "chi-so-tinh-desktop.png"), FullPage = true });
        await admin.Locator(".indicator-units tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await admin.Locator(".indicator-table").WaitForAsync();

        // The Decision 766 index of the ward: a grade from its score, each group's points, and a figure opened down to
        // the applications it counts, procedure by procedure.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Chỉ số theo Quyết định 766" }).ClickAsync();
        await admin.Locator(".index766-score").WaitForAsync();
        Assert.Contains(await admin.Locator(".index766-grade").InnerTextAsync(), new[] { "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu" });
        Assert.Equal(6, await admin.Locator(".index766-table").CountAsync());
        Assert.Contains("Chưa có số liệu", await admin.Locator("tr[data-indicator=certified-copies]").InnerTextAsync(), StringComparison.Ordinal);
        // This host is the national portal's province system: the sync line is measured from the reconciliation.
        Assert.DoesNotContain("Chưa có số liệu", await admin.Locator("tr[data-indicator=synced-to-national-portal]").InnerTextAsync(), StringComparison.Ordinal);
        await axe.CheckAsync(admin, "chỉ số 766");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "chi-so-766-desktop.png"), FullPage = true });
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "chi-so-766-390.png"), FullPage = true });
        await admin.Locator("tr[data-indicator=inputs-digitized] td a").Last.ClickAsync();
        await admin.Locator(".figure-procedures, main p").First.WaitForAsync();
        Assert.Contains("Hồ sơ được đếm", await admin.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await axe.CheckAsync(admin, "hồ sơ được đếm");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "ho-so-duoc-dem-390.png"), FullPage = true });

        // The published figures, for anyone, from the footer of every page.
        var visitor = await app.NewPageAsync();
        await visitor.SetViewportSizeAsync(390, 844);
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Thống kê giải quyết thủ tục hành chính" }).ClickAsync();
        await visitor.WaitForURLAsync("**/thong-ke");
        Assert.Contains("Tỷ lệ hồ sơ giải quyết đúng hạn", await visitor.Locator(".public-statistics").InnerTextAsync(), StringComparison.Ordinal);
        await axe.CheckAsync(visitor, "thống kê công khai");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Shots, "thong-ke-390.png"), FullPage = true });
        axe.AssertNone();
    }

    private static string Shots => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "motcua-screenshots", "indicators")).FullName;
}
