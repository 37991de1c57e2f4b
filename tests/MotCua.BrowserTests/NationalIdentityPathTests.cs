using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// A father signs in with the national identity (the simulated VNeID this host serves, through the real OpenID Connect
/// handler), finds his details filled in from the population database, registers his child's birth (1.001193) without
/// the identity document the national database supplies, and the application — his and the officer's page — records it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NationalIdentityPathTests(BrowserApp app)
{
    /// <summary>Saved when MOTCUA_SCREENSHOTS names a folder.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task A_citizen_signs_in_with_vneid_and_registers_a_birth_without_the_documents_national_data_supplies()
    {
        var axe = new AxeCheck();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/thu-tuc/1.001193");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-nhap**");
        await axe.CheckAsync(page, "đăng nhập có VNeID");
        await ScreenshotAsync(page, "vneid-sign-in-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng tài khoản định danh điện tử VNeID" }).ClickAsync();

        // At the provider: the person is picked, as the VNeID app would confirm them.
        await page.WaitForURLAsync("**/sandbox/vneid/authorize**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lê Văn Cường — 001085000777" }).ClickAsync();
        await page.WaitForURLAsync("**/nop-ho-so/1.001193");

        // His details come from the population database; the identity card is not asked for.
        Assert.Equal("Lê Văn Cường", await page.Locator("#form_hoTenCha").InputValueAsync());
        Assert.Equal("001085000777", await page.Locator("#form_soDinhDanhCha").InputValueAsync());
        Assert.Contains("điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư", await page.Locator("#dien-san").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Không phải nộp: cơ quan lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư (Bộ Công an).",
            await page.Locator("#doc3-national").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#doc3").CountAsync());
        await axe.CheckAsync(page, "nộp hồ sơ đã xác thực");
        await ScreenshotAsync(page, "vneid-birth-form-phone");
        await page.SetViewportSizeAsync(1280, 900);
        await ScreenshotAsync(page, "vneid-birth-form-desktop");

        var form = new SubmissionPage(page);
        await form.ChooseUnitAsync("UBND phường An Phú");
        await form.FillAsync("hoTenTre", "Lê Gia Bảo");
        await form.FillAsync("ngaySinhTre", "2026-11-25");
        await form.ChooseAsync("gioiTinhTre", "Nam");
        await form.FillAsync("noiSinh", "Trạm Y tế xã An Lạc, tỉnh An Bình");
        await form.FillAsync("danToc", "Kinh");
        await form.FillAsync("hoTenMe", "Phạm Thị Hoa");
        await form.AttachAsync(1, "giay-chung-sinh.pdf");
        var code = await form.SubmitAsync();
        Assert.Contains("Đã nộp hồ sơ", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // His application says what was not asked and where it came from.
        Assert.Contains("(không phải nộp: cơ quan lấy từ Cơ sở dữ liệu quốc gia về dân cư)", await page.Locator("#giay-to").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "vneid-application-desktop");

        // The one-stop reads what was taken, from where, with the person it names.
        var officer = await app.NewPageAsync();
        await new LoginPage(officer).SignInAsync("reception1", "MotCua@2026");
        await officer.GotoAsync($"/can-bo/ho-so/{code}");
        var taken = await officer.Locator("#giay-to .national-data").InnerTextAsync();
        Assert.Contains("người nộp không phải nộp; đã lấy từ Cơ sở dữ liệu quốc gia về dân cư (Bộ Công an)", taken, StringComparison.Ordinal);
        Assert.Contains("Lê Văn Cường, số định danh 001085000777", taken, StringComparison.Ordinal);
        var main = await officer.Locator("main").InnerTextAsync();
        Assert.Contains("Đã xác thực bằng tài khoản định danh điện tử (VNeID)", main, StringComparison.Ordinal);
        Assert.Contains("Thôn Đông, xã An Lạc, tỉnh An Bình", main, StringComparison.Ordinal);
        await ScreenshotAsync(officer, "vneid-officer-desktop");
        Assert.Empty(axe.Violations);
    }
}
