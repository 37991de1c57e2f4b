using System.Text;
using Microsoft.Playwright;

namespace MotCua.BrowserTests.Pages;

/// <summary>The citizen's e-form page for one procedure.</summary>
public sealed class SubmissionPage(IPage page)
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public async Task OpenAsync(string procedureCode)
    {
        await page.GotoAsync($"/thu-tuc/{procedureCode}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await page.WaitForURLAsync($"**/nop-ho-so/{procedureCode}");
    }

    public Task ChooseUnitAsync(string unitName) => page.GetByLabel(unitName).CheckAsync();

    public Task FillAsync(string key, string value) => page.Locator($"#form_{key}").FillAsync(value);

    /// <summary>Picks an answer whether the form shows the choices as a list or as radio buttons.</summary>
    public async Task ChooseAsync(string key, string value)
    {
        var field = page.Locator($"#form_{key}");
        if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await field.SelectOptionAsync(value);
        }
        else
        {
            await field.GetByLabel(value, new() { Exact = true }).CheckAsync();
        }
    }

    /// <summary>The birth registration's required answers (1.001193) at UBND phường An Phú, filed by the mother.</summary>
    public async Task FillBirthAsync(string child, string birthDate, string sex)
    {
        await ChooseUnitAsync("UBND phường An Phú");
        await FillAsync("hoTenTre", child);
        await FillAsync("ngaySinhTre", birthDate);
        await ChooseAsync("gioiTinhTre", sex);
        await FillAsync("noiSinh", "Trạm Y tế phường An Phú, tỉnh An Bình");
        await FillAsync("danToc", "Kinh");
        await FillAsync("hoTenMe", "Trần Thị Bình");
        await ChooseAsync("quanHeVoiTre", "Mẹ");
    }

    public Task AttachAsync(int documentIndex, string fileName) =>
        page.Locator($"#doc{documentIndex}").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = Pdf });

    /// <summary>"Tiếp tục": to the page that shows everything once more (or back with the errors).</summary>
    public Task ContinueAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục", Exact = true }).ClickAsync();

    /// <summary>Continues to the check page, sends from there and returns the application code from the confirmation page.</summary>
    public async Task<string> SubmitAsync()
    {
        await ContinueAsync();
        await page.WaitForURLAsync("**/kiem-tra");
        return await SendFromCheckPageAsync();
    }

    public async Task<string> SendFromCheckPageAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/ho-so/[^/?]+\?moi=1"));
        return (await page.Locator(".application-code").InnerTextAsync()).Trim();
    }
}

/// <summary>An officer's page for one application: only the actions allowed now.</summary>
public sealed class OfficerApplicationPage(IPage page)
{
    public async Task OpenFromInboxAsync(string code)
    {
        await page.GotoAsync("/can-bo/ho-so");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.WaitForURLAsync($"**/can-bo/ho-so/{code}");
    }

    public Task OpenAsync(string code) => page.GotoAsync($"/can-bo/ho-so/{code}");

    public async Task ActAsync(string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.Locator(".success-panel, .banner-success, [role=status]").First.WaitForAsync();
    }

    public Task AttachResultAsync(string fileName) =>
        page.Locator("#approve_file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = SubmissionPage.Pdf });

    public Task<string> StatusAsync() => page.Locator("main").InnerTextAsync();
}

/// <summary>The applicant's page for one application.</summary>
public sealed class MyApplicationPage(IPage page)
{
    public Task OpenAsync(string code) => page.GotoAsync($"/ho-so/{code}");

    public Task<string> TextAsync() => page.Locator("main").InnerTextAsync();

    public async Task<byte[]> DownloadAsync(string linkText)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path!);
    }
}

public sealed class NotificationsPage(IPage page)
{
    /// <summary>Opens "Thông báo" from the header until the notification is there (it is sent just after the commit).</summary>
    public async Task<string> WaitForAsync(string title, string code)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Thông báo") }).ClickAsync();
            var item = page.Locator("li", new() { HasText = code }).Filter(new() { HasText = title });
            if (await item.CountAsync() > 0)
            {
                return await item.First.InnerTextAsync();
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"No notification “{title}” for {code}: {await page.Locator("main").InnerTextAsync()}");
    }
}
