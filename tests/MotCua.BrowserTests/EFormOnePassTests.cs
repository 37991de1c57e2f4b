using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>A citizen on a phone makes a mistake in every field: every error comes in one round and the files stay attached.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EFormOnePassTests(BrowserApp app)
{
    [Fact]
    public async Task Every_mistake_shows_in_one_round_the_files_stay_and_the_corrected_form_goes_in()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page).SignInAsync("citizen1", "MotCua@2026");
        await page.WaitForURLAsync("**/tai-khoan");
        var form = new SubmissionPage(page);
        await form.OpenAsync("1.001193");

        // The office comes preselected from the account's address (phường An Phú).
        Assert.True(await page.GetByLabel("UBND phường An Phú").IsCheckedAsync());

        // An empty name, a child born in 2030, a 9-digit identity number, a 5-digit phone; one file attached.
        await form.FillAsync("hoTenTre", string.Empty);
        await form.FillAsync("ngaySinhTre", "01/01/2030");
        await form.FillAsync("soDinhDanhMe", "123456789");
        await form.FillAsync("soDienThoai", "09123");
        await form.AttachAsync(1, "giay-chung-sinh.pdf");
        await form.ContinueAsync();

        var summary = await page.Locator(".error-summary").InnerTextAsync();
        string[] expected =
        [
            "Nhập họ, chữ đệm và tên của trẻ.",
            "Ngày, tháng, năm sinh của trẻ không thể sau ngày hôm nay",
            "Chọn giới tính.",
            "Số định danh cá nhân của người mẹ gồm 12 chữ số.",
            "Chọn người đi đăng ký là.",
            "Số điện thoại liên hệ gồm 10 chữ số, bắt đầu bằng số 0.",
        ];
        foreach (var message in expected)
        {
            Assert.Contains(message, summary, StringComparison.Ordinal);
        }

        // In page order, and the declaration is not asked for: the e-form is the declaration.
        var positions = expected.Select(m => summary.IndexOf(m, StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Đính kèm tờ khai", summary, StringComparison.Ordinal);
        Assert.Contains("Đã đính kèm: giay-chung-sinh.pdf", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Corrected without attaching again: the kept file goes in with the application.
        await form.ChooseUnitAsync("UBND phường An Phú");
        await form.FillAsync("hoTenTre", "Phạm Gia Huy");
        await form.FillAsync("ngaySinhTre", "25/11/2026");
        await form.ChooseAsync("gioiTinhTre", "Nam");
        await form.FillAsync("noiSinh", "Trạm Y tế phường An Phú, tỉnh An Bình");
        await form.FillAsync("danToc", "Kinh");
        await form.FillAsync("hoTenMe", "Trần Thị Bình");
        await form.FillAsync("soDinhDanhMe", "001190000777");
        await form.ChooseAsync("quanHeVoiTre", "Mẹ");
        await form.FillAsync("soDienThoai", "0912345778");
        await form.ContinueAsync();

        // Checking the answers: a wrong digit in the phone is seen, changed through its own link, and checked again.
        await page.WaitForURLAsync("**/kiem-tra");
        Assert.Contains("Kiểm tra lại thông tin trước khi nộp", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("0912345778", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa Số điện thoại liên hệ" }).ClickAsync();
        await page.WaitForURLAsync("**/nop-ho-so/1.001193?ho-so=**");
        Assert.Contains("Đã đính kèm: giay-chung-sinh.pdf", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await form.FillAsync("soDienThoai", "0912345777");
        await form.ContinueAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/kiem-tra(#.*)?$"));
        var review = await page.Locator("main").InnerTextAsync();
        Assert.Contains("0912345777", review, StringComparison.Ordinal);
        Assert.Contains("Phạm Gia Huy", review, StringComparison.Ordinal);
        var code = await form.SendFromCheckPageAsync();
        Assert.Matches(@"^000\.01\.00\.H99-\d{6}-\d{4}$", code);
        Assert.Contains("giay-chung-sinh.pdf", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
