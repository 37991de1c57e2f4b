using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// The province admin declares a unit's account for fees in the browser: a person's name as the holder is refused with
/// the reason beside the field, the unit's name is accepted, and the change shows in the history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectingAccountTests(BrowserApp app)
{
    /// <summary>Where to save screenshots of the pages, when set (MOTCUA_SCREENSHOTS).</summary>
    private static readonly string? Screenshots = Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS");

    [Fact]
    public async Task The_admin_declares_a_departments_account_and_a_persons_name_is_refused()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin", "MotCua@2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài khoản thu phí, lệ phí của các đơn vị" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "Sở Xây dựng tỉnh An Bình" });
        Assert.Contains("Chưa khai báo", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await page.GetByLabel("Số tài khoản").FillAsync("3711.0.4000041");
        await page.GetByLabel("Chủ tài khoản").FillAsync("Nguyễn Văn Xây");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tài khoản" }).ClickAsync();
        Assert.Contains("không phải cá nhân", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await SaveAsync(page, "collecting-account-refused");

        await page.GetByLabel("Chủ tài khoản").FillAsync("SO XAY DUNG TINH AN BINH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tài khoản" }).ClickAsync();
        Assert.Contains("Đã lưu tài khoản thu phí, lệ phí của Sở Xây dựng tỉnh An Bình.", await page.Locator(".success-panel").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("37110400004", await page.Locator("#lich-su + table").InnerTextAsync(), StringComparison.Ordinal);
        await SaveAsync(page, "collecting-account-declared");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Screenshots is null)
        {
            return;
        }

        Directory.CreateDirectory(Screenshots);
        foreach (var (width, height, suffix) in new[] { (390, 844, "phone"), (1280, 900, "desktop") })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{suffix}.png"), FullPage = true });
        }
    }
}
