using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;
using UglyToad.PdfPig;

namespace MotCua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ApplicationMainPathTests(BrowserApp app)
{
    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync(userName, "MotCua@2026");

        // Citizens land on their account, officers who process applications on their inbox.
        await page.WaitForURLAsync(userName.StartsWith("citizen", StringComparison.Ordinal) ? "**/tai-khoan" : "**/can-bo/ho-so");
        return page;
    }

    [Fact]
    public async Task Citizen_submits_officers_process_and_the_citizen_downloads_the_result_and_receipt()
    {
        // The citizen fills the e-form and attaches the documents.
        var citizen = await SignedInAsync("citizen1");
        var form = new SubmissionPage(citizen);
        await form.OpenAsync("1.001193");
        await form.FillBirthAsync("Nguyễn Minh Khôi", "2026-11-20", "Nam");
        await form.AttachAsync(0, "to-khai.pdf");
        await form.AttachAsync(1, "giay-chung-sinh.pdf");
        var code = await form.SubmitAsync();
        Assert.Matches(@"^000\.01\.00\.H99-\d{6}-\d{4}$", code);
        Assert.Contains("Đã nộp hồ sơ", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Reception receives it from the inbox, the specialist forwards, the leader approves with the result.
        var reception = await SignedInAsync("reception1");
        var desk = new OfficerApplicationPage(reception);
        await desk.OpenFromInboxAsync(code);
        await desk.ActAsync("Tiếp nhận hồ sơ");

        // The citizen is told in the portal inbox, reached from the header.
        var inbox = new NotificationsPage(citizen);
        var told = await inbox.WaitForAsync("Hồ sơ đã được tiếp nhận", code);
        Assert.Contains("Ngày hẹn trả kết quả", told, StringComparison.Ordinal);

        var specialist = new OfficerApplicationPage(await SignedInAsync("specialist1"));
        await specialist.OpenFromInboxAsync(code);
        await specialist.ActAsync("Chuyển bước xử lý");

        var leader = new OfficerApplicationPage(await SignedInAsync("leader1"));
        await leader.OpenFromInboxAsync(code);
        await leader.AttachResultAsync("giay-khai-sinh.pdf");
        await leader.ActAsync("Phê duyệt kết quả");

        await desk.OpenAsync(code);
        await desk.ActAsync("Trả kết quả");

        // The citizen sees the result, downloads it and the receipt slip.
        var mine = new MyApplicationPage(citizen);
        await mine.OpenAsync(code);
        Assert.Contains("Đã trả kết quả", await citizen.Locator("#ket-qua h2").InnerTextAsync(), StringComparison.Ordinal);
        var result = await mine.DownloadAsync("Tải Giấy khai sinh");
        Assert.Equal(SubmissionPage.Pdf, result);

        var receipt = await mine.DownloadAsync("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        using var pdf = PdfDocument.Open(receipt);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", text, StringComparison.Ordinal);
    }
}
