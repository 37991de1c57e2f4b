using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The portal's home and catalog search, as a citizen uses them.</summary>
public sealed class CatalogPage(IPage page)
{
    public async Task OpenHomeAsync() => await page.GotoAsync("/");

    public async Task SearchAsync(string words)
    {
        await page.GetByLabel("Tên thủ tục").FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**/thu-tuc?**");
    }

    public async Task<IReadOnlyList<string>> ResultTitlesAsync() =>
        await page.Locator(".procedure-title a").AllInnerTextsAsync();

    public async Task<ProcedurePage> OpenResultAsync(string title)
    {
        await page.Locator(".procedure-title a", new() { HasTextString = title }).First.ClickAsync();
        return new ProcedurePage(page);
    }
}

public sealed class ProcedurePage(IPage page)
{
    public Task<string> HeadingAsync() => page.Locator("h1").InnerTextAsync();

    public Task<IReadOnlyList<string>> SectionHeadingsAsync() => page.Locator("main h2").AllInnerTextsAsync();

    public Task<IReadOnlyList<string>> DocumentNamesAsync() => page.Locator("#giay-to tbody tr td:first-child").AllInnerTextsAsync();
}

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password, bool expectSuccess = true)
    {
        // The labels below are the Vietnamese ones, whichever language the browser picked before.
        await page.GotoAsync("/dang-nhap?culture=vi-VN");
        await page.GetByLabel("Tên đăng nhập hoặc số định danh cá nhân").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (expectSuccess && page.Url.Contains("/dang-nhap", StringComparison.Ordinal))
        {
            // Say why, so a failure in CI is readable: the page's own error summary or heading.
            var main = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException($"Sign-in as {userName} stayed on {page.Url}: {main[..Math.Min(main.Length, 400)]}");
        }
    }

    public Task<string> ErrorSummaryAsync() => page.Locator(".error-summary").InnerTextAsync();
}
