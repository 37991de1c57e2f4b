using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// axe-core on every kind of page a citizen, an officer and the province admin meet, at desktop and phone width:
/// no violation of WCAG 2.1 A or AA. A failure lists each rule broken, where, and on which page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Every_page_type_has_no_wcag_21_aa_violation(int width, int height)
    {
        var axe = new AxeCheck();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        Task Check(string name) => axe.CheckAsync(page, $"{name} ({width}px)");

        async Task Visit(string path, string name)
        {
            await page.GotoAsync(path);
            await Check(name);
        }

        // Signed out.
        await Visit("/", "trang chủ");
        await Visit("/thu-tuc?q=khai+sinh", "tìm thủ tục");
        await Visit("/thu-tuc/1.001193", "trang thủ tục");
        await Visit("/dang-ky", "đăng ký");
        await Visit("/dang-nhap", "đăng nhập");
        await Visit("/tra-cuu", "tra cứu");
        await Visit("/?culture=en", "home (English)");
        await Visit("/thu-tuc?q=khai+sinh", "search (English)");
        await Visit("/?culture=vi-VN", "trang chủ (quay lại tiếng Việt)");

        // The citizen's path: e-form, the same with errors, check answers, confirmation, their applications.
        await new LoginPage(page).SignInAsync("citizen1", "MotCua@2026");
        var form = new SubmissionPage(page);
        await Visit("/nop-ho-so/1.001193", "tờ khai");
        await form.FillAsync("soDienThoai", "09123");
        await form.ContinueAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Check("tờ khai có lỗi");
        await form.FillBirthAsync("Lê Minh Anh", "21/11/2026", "Nữ");
        await form.FillAsync("soDinhDanhMe", "001190000778");
        await form.FillAsync("soDienThoai", "0912345779");
        await form.AttachAsync(1, "giay-chung-sinh.pdf");
        await form.ContinueAsync();
        await page.WaitForURLAsync("**/kiem-tra");
        await Check("kiểm tra lại thông tin");
        var code = await form.SendFromCheckPageAsync();
        await Check("đã nộp hồ sơ");
        await Visit("/ho-so", "hồ sơ của tôi");
        await Visit($"/ho-so/{code}", "hồ sơ");
        await Visit($"/tra-cuu?code={code}", "kết quả tra cứu");
        await Visit("/tai-khoan", "tài khoản");

        // The officer: inbox and one application with its actions.
        await page.Context.ClearCookiesAsync();
        await new LoginPage(page).SignInAsync("reception1", "MotCua@2026");
        await Visit("/can-bo/ho-so", "hộp hồ sơ");
        await Visit("/can-bo/doi-soat-thanh-toan", "đối soát thanh toán");
        await Visit("/can-bo/doi-soat-thanh-toan?date=02-12-2026", "đối soát thanh toán, ngày sai");
        await Visit($"/can-bo/ho-so/{code}", "hồ sơ của cán bộ");

        // The province admin.
        await page.Context.ClearCookiesAsync();
        await new LoginPage(page).SignInAsync("admin", "MotCua@2026");
        foreach (var (path, name) in new[]
        {
            ("/quan-tri/danh-muc", "danh mục"),
            ("/quan-tri/danh-muc/1.001193", "sửa thủ tục"),
            ("/quan-tri/danh-muc/1.001193/quy-trinh", "quy trình"),
            ("/quan-tri/danh-muc/1.001193/bieu-mau", "thiết kế biểu mẫu"),
            ("/quan-tri/don-vi", "cây đơn vị"),
            ("/quan-tri/can-bo", "cán bộ"),
            ("/quan-tri/lich-lam-viec", "lịch làm việc"),
            ("/quan-tri/tu-dong-nghia", "từ đồng nghĩa"),
            ("/quan-tri/du-lieu-quoc-gia", "giấy tờ thay bằng dữ liệu quốc gia"),
            ("/quan-tri/chat-luong-danh-muc", "chất lượng danh mục"),
            ("/quan-tri/nhat-ky", "nhật ký"),
            ("/quan-tri/mau-thong-bao", "mẫu thông báo"),
            ("/quan-tri/tai-khoan-thu-phi", "tài khoản thu phí, lệ phí"),
        })
        {
            await Visit(path, name);
        }

        await page.Locator("main a[href^='/quan-tri/tai-khoan-thu-phi/']").Last.ClickAsync();
        await Check("tài khoản thu phí, lệ phí của một đơn vị");

        axe.AssertNone();
    }
}
