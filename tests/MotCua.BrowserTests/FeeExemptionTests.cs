using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// A procedure paid at submission with exemptions (the demo's Giấy xác nhận tình trạng hôn nhân): the citizen claims
/// one on the check page and is asked the reduced amount at once; reception sees the claim and waits for the fee.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeeExemptionTests(BrowserApp app)
{
    private const string MaritalStatus = "1.004873";

    private async Task<IPage> SignedInAsync(string userName, int width = 1280)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await new LoginPage(page).SignInAsync(userName, "MotCua@2026");
        return page;
    }

    /// <summary>Saved when MOTCUA_SCREENSHOTS names a folder (the project keeps a few under docs/screenshots).</summary>
    private static async Task ScreenshotAsync(IPage page, string name, string? part = null)
    {
        if (Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name + ".png");
            if (part is null)
            {
                await page.ScreenshotAsync(new() { Path = path });
            }
            else
            {
                await page.Locator(part).ScreenshotAsync(new() { Path = path });
            }
        }
    }

    [Fact]
    public async Task The_citizen_claims_an_exemption_and_is_asked_the_reduced_fee_before_reception()
    {
        var citizen = await SignedInAsync("citizen1", 390);
        await citizen.GotoAsync($"/thu-tuc/{MaritalStatus}");
        var details = await citizen.Locator("main").InnerTextAsync();
        Assert.Contains("(giảm 50%)", details, StringComparison.Ordinal);
        Assert.Contains("Người thuộc hộ cận nghèo", details, StringComparison.Ordinal);
        await ScreenshotAsync(citizen, "procedure-fees-by-kind-phone", "#phi");

        var form = new SubmissionPage(citizen);
        await form.OpenAsync(MaritalStatus);
        await form.ChooseUnitAsync("UBND phường An Phú");
        await form.FillAsync("hoTen", "Đỗ Thị Mai");
        await form.FillAsync("ngaySinh", "12/03/1998");
        await form.FillAsync("soDinhDanh", "001198000321");
        await form.ChooseAsync("tinhTrangHonNhan", "Chưa kết hôn");
        await form.ChooseAsync("mucDichSuDung", "Để sử dụng vào mục đích khác");
        await form.FillAsync("mucDichKhac", "Bổ sung hồ sơ xin việc");
        await form.FillAsync("soDienThoai", "0912000321");
        await form.ContinueAsync();
        await citizen.WaitForURLAsync("**/kiem-tra");

        // Only a procedure with exemptions asks; each choice says what is left to pay (7.500 đồng online, half for cận nghèo).
        var claim = citizen.Locator("#mien-giam");
        Assert.Contains("Không thuộc đối tượng miễn, giảm (7.500 đồng)", await claim.InnerTextAsync(), StringComparison.Ordinal);
        await claim.GetByLabel("Người thuộc hộ cận nghèo", new() { Exact = false }).CheckAsync();
        await ScreenshotAsync(citizen, "check-answers-exemption-claim-phone", "section:has(#gui)");
        var code = await form.SendFromCheckPageAsync();

        var due = citizen.Locator("#thanh-toan");
        var text = await due.InnerTextAsync();
        Assert.Contains("Cần nộp phí, lệ phí", text, StringComparison.Ordinal);
        Assert.Contains("3.750 đồng", text, StringComparison.Ordinal);
        Assert.Contains("hồ sơ được tiếp nhận sau khi cơ quan nhận được tiền", text, StringComparison.Ordinal);
        await due.GetByRole(AriaRole.Link, new() { Name = "Thanh toán trực tuyến" }).WaitForAsync();

        // Reception sees the claim and that the fee is awaited; receiving is not offered until it is paid.
        var reception = await SignedInAsync("reception1");
        await reception.GotoAsync($"/can-bo/ho-so/{code}");
        var officer = await reception.Locator("main").InnerTextAsync();
        Assert.Contains("Chờ nộp phí", officer, StringComparison.Ordinal);
        Assert.Contains("Người thuộc hộ cận nghèo", officer, StringComparison.Ordinal);
        Assert.Equal(0, await reception.Locator("details#receive").CountAsync());
        await ScreenshotAsync(reception, "officer-awaiting-fee-at-submission-desktop");
    }
}
