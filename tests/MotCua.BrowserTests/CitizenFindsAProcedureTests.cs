using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CitizenFindsAProcedureTests(BrowserApp app)
{
    [Fact]
    public async Task Citizen_searches_without_diacritics_and_opens_the_procedure_page()
    {
        var page = await app.NewPageAsync();
        var catalog = new CatalogPage(page);
        await catalog.OpenHomeAsync();
        await catalog.SearchAsync("khai sinh dang ky");

        var titles = await catalog.ResultTitlesAsync();
        Assert.Equal("Đăng ký khai sinh", titles[0]);

        var procedure = await catalog.OpenResultAsync("Đăng ký khai sinh");
        Assert.Equal("Đăng ký khai sinh", await procedure.HeadingAsync());
        var sections = await procedure.SectionHeadingsAsync();
        Assert.Contains("Giấy tờ cần chuẩn bị", sections);
        Assert.Contains("Thời hạn giải quyết", sections);
        Assert.Contains("Nơi nộp hồ sơ, nhận kết quả", sections);
        Assert.Contains(await procedure.DocumentNamesAsync(), d => d.Contains("Giấy chứng sinh", StringComparison.Ordinal));
        Assert.EndsWith("/thu-tuc/1.001193", page.Url, StringComparison.Ordinal);

        // Signed out, the visitor still sees how to file online; signing in brings them straight to the e-form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-nhap**");
        await page.GetByLabel("Tên đăng nhập hoặc số định danh cá nhân").FillAsync("citizen1");
        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/nop-ho-so/1.001193");
        Assert.Equal("Nộp hồ sơ: Đăng ký khai sinh", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Citizen_signs_in_and_sees_the_account()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await login.SignInAsync("citizen1", "MotCua@2026");
        await page.WaitForURLAsync("**/tai-khoan");
        Assert.Equal("Nguyễn Văn An", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("citizen1", await page.GetByRole(AriaRole.Link, new() { Name = "citizen1" }).InnerTextAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_explained_at_the_top_of_the_form()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await login.SignInAsync("citizen2", "sai-mat-khau", expectSuccess: false);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await login.ErrorSummaryAsync(), StringComparison.Ordinal);
    }
}
