using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.BrowserTests;

/// <summary>
/// The handling report in the browser: from the officers' navigation to November's table per field, its headings for a
/// screen reader, numbers to the right; on a phone the table scrolls inside its frame and the page does not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HandlingReportTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_reads_novembers_handling_per_field_on_a_desktop_and_on_a_phone()
    {
        // November's counters of the ward, as the rollups would hold them: three birth registrations received (one
        // finished early), and one of a procedure the catalog does not know, still open past its due day.
        using (var scope = app.Services.CreateScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Catalog.Public.CatalogDirectory>();
            var ward = (await catalog.UnitAsync("000.01.00.H99", CancellationToken.None))!;
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            void Count(int day, string procedure, string measure, long n) =>
                db.Add(new IndicatorCount { UnitId = ward.Id, Day = day, ProcedureCode = procedure, Measure = measure, Count = n });
            Count(20261103, "1.001193", Measures.Received, 3);
            Count(20261103, "1.001193", Measures.ReceivedRemote, 2);
            Count(20261103, "1.001193", Measures.ReceivedCounter, 1);
            Count(20261105, "1.001193", Measures.FinishedEarly, 1);
            Count(20261105, "1.001193", Measures.Closed, 1);
            Count(20261104, "9.999999", Measures.Received, 1);
            Count(20261104, "9.999999", Measures.ReceivedPostal, 1);
            Count(20261110, "9.999999", Measures.OverdueFrom, 1);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Indicators.Rollups.IndicatorRollup>().RebuildGrainsAsync(CancellationToken.None);
        }

        var axe = new AxeCheck();
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("reception1", "MotCua@2026");
        await page.GotoAsync("/can-bo/ho-so");
        await page.Locator(".officer-nav").GetByRole(AriaRole.Link, new() { Name = "Báo cáo giải quyết hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/can-bo/bao-cao-giai-quyet");
        await page.Locator("#period").SelectOptionAsync("2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await page.Locator(".handling-table").WaitForAsync();
        Assert.Contains("UBND phường An Phú", await page.Locator("h2").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Tình hình giải quyết hồ sơ theo lĩnh vực", await page.Locator(".handling-table caption").InnerTextAsync());

        static async Task<string[]> Cells(ILocator row) => [.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())];
        Assert.Equal(["Hộ tịch", "3", "0", "2", "1", "0", "1", "1", "0", "0", "2", "2", "0"], await Cells(page.Locator("tr[data-field='Hộ tịch']")));
        Assert.Equal(["Khác", "1", "0", "0", "0", "1", "0", "0", "0", "0", "1", "0", "1"], await Cells(page.Locator("tr[data-field='Khác']")));
        Assert.Equal(["Tổng số", "4", "0", "2", "1", "1", "1", "1", "0", "0", "3", "2", "1"], await Cells(page.Locator("tr[data-field=total]")));
        Assert.Equal("right", await page.Locator("tr[data-field=total] td").First.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
        Assert.Equal(3, await page.Locator(".handling-table th[scope=colgroup]").CountAsync());
        await axe.CheckAsync(page, "báo cáo giải quyết");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "bao-cao-giai-quyet-desktop.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page itself scrolls sideways at 390 px");
        Assert.True(await page.Locator(".table-scroll").EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "the table's frame does not scroll");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "bao-cao-giai-quyet-390.png"), FullPage = true });

        // The dashboard leads here too.
        await page.GotoAsync("/can-bo/chi-so");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tình hình giải quyết hồ sơ theo lĩnh vực" }).ClickAsync();
        await page.Locator(".handling-table").WaitForAsync();

        // Made in the background: the job's page follows it without JavaScript, then offers the file.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/can-bo/bao-cao-giai-quyet?period=2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất Excel chạy nền" }).ClickAsync();
        await page.WaitForURLAsync("**/can-bo/xuat-bao-cao/**");
        await page.Locator(".export-job[data-state=Done]").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal("Đã xong", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await axe.CheckAsync(page, "xuất báo cáo");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "xuat-bao-cao-desktop.png"), FullPage = true });
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.Locator(".export-job a.button").ClickAsync());
        Assert.EndsWith(".xlsx", workbook.SuggestedFilename, StringComparison.Ordinal);
        axe.AssertNone();
    }

    private static string Shots => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "motcua-screenshots", "indicators")).FullName;
}
