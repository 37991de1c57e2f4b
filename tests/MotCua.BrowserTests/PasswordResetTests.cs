using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class PasswordResetTests(BrowserApp app)
{
    [Fact]
    public async Task A_citizen_resets_a_forgotten_password_with_the_code_from_the_email()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quên mật khẩu?" }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập hoặc số định danh cá nhân").FillAsync("citizen2");
        var asked = DateTime.UtcNow;
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi mã xác nhận" }).ClickAsync();
        await page.WaitForURLAsync("**/quen-mat-khau/dat-lai**");
        Assert.Contains("mã xác nhận vừa được gửi", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var code = await CodeAsync("citizen2@demo.anbinh.gov.vn", asked);
        await page.GetByLabel("Mã xác nhận").FillAsync(code);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("MoiNhat@2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("MoiNhat@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu mới" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-nhap?doi-mat-khau=1");
        Assert.Contains("Đã đặt mật khẩu mới", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await new LoginPage(page).SignInAsync("citizen2", "MoiNhat@2026");
        await page.WaitForURLAsync("**/tai-khoan");
        Assert.Equal("Trần Thị Bình", await page.Locator("h1").InnerTextAsync());
    }

    /// <summary>The code from the newest mail to the address in the embedded default's pickup folder.</summary>
    private static async Task<string> CodeAsync(string email, DateTime since)
    {
        var folder = Path.Combine(Path.GetTempPath(), "motcua-browser-tests", "mail");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(folder))
            {
                var subject = Directory.EnumerateFiles(folder, "*.eml")
                    .Where(f => File.GetLastWriteTimeUtc(f) >= since.AddSeconds(-1))
                    .Select(f => MimeKit.MimeMessage.Load(f))
                    .Where(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Subject?.StartsWith("Mã xác nhận", StringComparison.Ordinal) == true)
                    .Select(m => m.Subject).LastOrDefault();
                if (subject is not null)
                {
                    return SixDigits().Match(subject).Value;
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No code mailed to {email}.");
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
