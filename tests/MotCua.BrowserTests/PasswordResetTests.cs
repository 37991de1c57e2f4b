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
        await ArriveAsync(page, "/quen-mat-khau/dat-lai");
        Assert.Contains("mã xác nhận vừa được gửi", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var code = await CodeAsync(app.MailFolder, "citizen2@demo.anbinh.gov.vn", asked);
        await page.GetByLabel("Mã xác nhận").FillAsync(code);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("MoiNhat@2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("MoiNhat@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu mới" }).ClickAsync();
        await ArriveAsync(page, "/dang-nhap");
        Assert.Contains("Đã đặt mật khẩu mới", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await new LoginPage(page).SignInAsync("citizen2", "MoiNhat@2026");
        await page.WaitForURLAsync("**/tai-khoan");
        Assert.Equal("Trần Thị Bình", await page.Locator("h1").InnerTextAsync());
    }

    /// <summary>Waits for the page the form leads to, or says what the page showed instead.</summary>
    private static async Task ArriveAsync(IPage page, string path)
    {
        try
        {
            // Waits for the address and then its DOM only: the full "load" of a page reached by a redirect after a POST
            // has been seen to stall on a busy machine although the page was there.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals(path, StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var main = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException($"Expected {path}, still on {page.Url}: {main[..Math.Min(main.Length, 500)]}");
        }
    }

    /// <summary>The code from the newest mail to the address in the embedded default's pickup folder.</summary>
    private static async Task<string> CodeAsync(string folder, string email, DateTime since)
    {
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
