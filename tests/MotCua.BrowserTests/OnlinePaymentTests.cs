using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// The fee paid online end to end in the browser, on the embedded default's sandbox gateway: the specialist asks for it
/// with the amount, the citizen pays on the gateway's own page, and the gateway's notice resumes the application.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnlinePaymentTests(BrowserApp app)
{
    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync(userName, "MotCua@2026");
        return page;
    }

    [Fact]
    public async Task The_citizen_pays_the_requested_fee_on_the_sandbox_gateway_and_the_application_goes_on()
    {
        var axe = new AxeCheck();
        var citizen = await SignedInAsync("citizen1");
        var form = new SubmissionPage(citizen);
        await form.OpenAsync("1.001193");
        await form.FillBirthAsync("Phạm Gia Bảo", "20/11/2026", "Nam");
        await form.FillAsync("soDinhDanhMe", "001190000778");
        await form.AttachAsync(1, "giay-chung-sinh.pdf");
        var code = await form.SubmitAsync();

        var reception = await SignedInAsync("reception1");
        var desk = new OfficerApplicationPage(reception);
        await desk.OpenFromInboxAsync(code);
        await desk.ActAsync("Tiếp nhận hồ sơ");

        // The specialist asks for the fee; the amount is a required field with the procedure's fee proposed.
        var specialist = await SignedInAsync("specialist1");
        await new OfficerApplicationPage(specialist).OpenFromInboxAsync(code);
        await specialist.Locator("details#request-payment > summary").ClickAsync();
        await specialist.Locator("#request-payment_amount").FillAsync("abc");
        await specialist.Locator("details#request-payment button[type=submit]").ClickAsync();
        Assert.Contains("Nhập số tiền người nộp phải nộp", await specialist.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await specialist.Locator("#request-payment_amount").FillAsync("50.000");
        await specialist.Locator("details#request-payment button[type=submit]").ClickAsync();
        await specialist.Locator(".success-panel").WaitForAsync();
        Assert.Contains("Số tiền phải nộp: 50.000 đồng", await specialist.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The citizen sees the fee at the top of the application and pays it on the gateway's page.
        await citizen.GotoAsync($"/ho-so/{code}");
        Assert.Contains("Cần nộp phí, lệ phí", await citizen.Locator("#thanh-toan").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.Locator("#thanh-toan").GetByRole(AriaRole.Link, new() { Name = "Thanh toán trực tuyến" }).ClickAsync();
        await citizen.WaitForURLAsync($"**/ho-so/{code}/thanh-toan");
        await axe.CheckAsync(citizen, "trang nộp phí");
        var payPage = await citizen.Locator("main").InnerTextAsync();
        Assert.Contains("UBND phường An Phú", payPage, StringComparison.Ordinal);
        Assert.Contains("Số tài khoản 3711000001001 tại Kho bạc Nhà nước", payPage, StringComparison.Ordinal);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Thanh toán trực tuyến" }).ClickAsync();
        await citizen.WaitForURLAsync(new Regex("/sandbox/vnpay/paymentv2/vpcpay\\.html\\?"));
        await axe.CheckAsync(citizen, "trang cổng thanh toán thử nghiệm");
        var gateway = await citizen.Locator("main").InnerTextAsync();
        Assert.Contains("50.000 VND", gateway, StringComparison.Ordinal);
        Assert.Contains("Dịch vụ công tỉnh An Bình", gateway, StringComparison.Ordinal);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Thanh toán", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync(new Regex("/payments/vnpay/return\\?"));
        Assert.Contains("Đã thanh toán thành công", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await axe.CheckAsync(citizen, "kết quả thanh toán");

        // The electronic receipt is there at once, for the citizen to keep.
        var receiptLink = citizen.GetByRole(AriaRole.Link, new() { Name = "Tải biên lai" });
        var receipt = await citizen.Context.APIRequest.GetAsync(await receiptLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, receipt.Status);
        Assert.Equal("application/pdf", receipt.Headers["content-type"]);
        await File.WriteAllBytesAsync(Path.Combine(Shots, "bien-lai.pdf"), await receipt.BodyAsync());

        // Paid: the application goes on, its history says so, and the officer sees the payment.
        await citizen.GetByRole(AriaRole.Link, new() { Name = $"Xem hồ sơ {code}" }).ClickAsync();
        var page = await citizen.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Cần nộp phí, lệ phí", page, StringComparison.Ordinal);
        Assert.Contains("Đã thanh toán 50.000 đồng trực tuyến", page, StringComparison.Ordinal);
        await reception.GotoAsync($"/can-bo/ho-so/{code}/thanh-toan");
        await axe.CheckAsync(reception, "thanh toán của hồ sơ (cán bộ)");
        var payments = await reception.Locator("main").InnerTextAsync();
        Assert.Contains("Đã thanh toán", payments, StringComparison.Ordinal);
        Assert.Contains("50.000 đồng", payments, StringComparison.Ordinal);
        Assert.Contains("Tải biên lai", payments, StringComparison.Ordinal);
        Assert.Contains("vào tài khoản 3711000001001", payments, StringComparison.Ordinal);
        await reception.SetViewportSizeAsync(390, 844);
        await reception.ScreenshotAsync(new() { Path = Path.Combine(Shots, "thanh-toan-ho-so-can-bo-390.png"), FullPage = true });
        await reception.SetViewportSizeAsync(1280, 800);

        // The day's reconciliation, from the back office's navigation: paid here and at the gateway, so it matches; a
        // transaction the gateway has and MotCua does not stands out.
        var stranger = "ZZ" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
            db.Add(new MotCua.Web.Modules.Payments.Gateways.Sandbox.SandboxTransaction("MOTCUA01", stranger, 20_000, "14777777", "00", "00", "NCB", "Khong ro", NodaTime.SystemClock.Instance.GetCurrentInstant()));
            await db.SaveChangesAsync();
        }

        await reception.GotoAsync("/can-bo/ho-so");
        await reception.Locator(".officer-nav").GetByRole(AriaRole.Link, new() { Name = "Đối soát thanh toán" }).ClickAsync();
        await reception.WaitForURLAsync("**/can-bo/doi-soat-thanh-toan");
        var row = reception.Locator(".reconciliation-table tr", new() { HasText = code });
        Assert.Contains("Khớp", await row.InnerTextAsync(), StringComparison.Ordinal);
        await axe.CheckAsync(reception, "đối soát thanh toán");
        var odd = reception.Locator(".reconciliation-table tr.row-difference", new() { HasText = stranger });
        Assert.Contains("Chỉ có ở cổng thanh toán", await odd.InnerTextAsync(), StringComparison.Ordinal);
        await reception.ScreenshotAsync(new() { Path = Path.Combine(Shots, "doi-soat-thanh-toan-desktop.png"), FullPage = true });
        await reception.SetViewportSizeAsync(390, 844);
        await reception.ScreenshotAsync(new() { Path = Path.Combine(Shots, "doi-soat-thanh-toan-390.png"), FullPage = true });
        axe.AssertNone();
    }

    /// <summary>Where the pages and the receipt seen in this test are kept to be looked at.</summary>
    private static string Shots => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "motcua-screenshots", "payments")).FullName;
}
