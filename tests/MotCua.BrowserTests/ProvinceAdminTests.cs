using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>The province admin loads a catalog (checked first), changes a fee from next year and adds a reception officer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProvinceAdminTests(BrowserApp app)
{
    private static string SampleFile => Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Exchange", "Samples", "catalog-sample.json");

    [Fact]
    public async Task The_admin_imports_the_sample_catalog_changes_a_fee_from_next_year_and_adds_a_commune_reception_officer()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin", "MotCua@2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Danh mục thủ tục: nhập, xuất, sửa và các phiên bản" }).ClickAsync();

        // Checked first: the four procedures of the sample would be added, nothing is saved yet.
        await page.GetByLabel("Tệp danh mục").SetInputFilesAsync(SampleFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tệp" }).ClickAsync();
        var result = page.Locator("[aria-labelledby='ket-qua-kiem-tra']");
        Assert.Contains("Sẽ thêm mới 4", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Cấp bản sao từ sổ gốc", await result.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập 4 thủ tục vào danh mục" }).ClickAsync();
        Assert.Contains("Đã nhập danh mục: thêm 4 thủ tục", await page.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);

        // The provincial council lowers the online fee from 1 January next year.
        await page.GetByLabel("Tìm theo tên hoặc mã").FillAsync("so goc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cấp bản sao từ sổ gốc" }).ClickAsync();
        Assert.Equal("Cấp bản sao từ sổ gốc", await page.Locator("h1").InnerTextAsync());
        await page.Locator("[id='Fees[0]_OnlineAmount']").FillAsync("1.000");
        var nextYear = DateTime.UtcNow.Year + 1;
        await page.GetByLabel("Áp dụng từ ngày").FillAsync($"{nextYear}-01-01");
        await page.GetByLabel("Căn cứ thay đổi").FillAsync("Nghị quyết số 15/2026/NQ-HĐND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu phiên bản mới" }).ClickAsync();
        Assert.Contains($"Đã lưu phiên bản mới, áp dụng từ ngày 01/01/{nextYear}", await page.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);
        var versions = await page.Locator("#phien-ban + table").InnerTextAsync();
        Assert.Contains("Chờ áp dụng", versions, StringComparison.Ordinal);
        Assert.Contains("Đang áp dụng", versions, StringComparison.Ordinal);

        // A reception officer for one commune, who signs in and works that commune's inbox.
        await page.GotoAsync("/quan-tri/can-bo");
        var userName = $"tn.donghoa{Random.Shared.Next(1000, 9999)}";
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Họ tên").FillAsync("Đinh Thị Tiếp Nhận");
        await page.GetByLabel("Mật khẩu ban đầu").FillAsync("TiepNhan@2026!");
        await page.GetByLabel("Đơn vị công tác", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "UBND xã Đông Hòa" });
        await page.GetByLabel("Cán bộ một cửa").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        Assert.Contains($"Đã tạo tài khoản {userName}", await page.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);

        var officer = await app.NewPageAsync();
        await new LoginPage(officer).SignInAsync(userName, "TiepNhan@2026!");
        await officer.GotoAsync("/tai-khoan");
        Assert.Contains("UBND xã Đông Hòa", await officer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await officer.GotoAsync("/can-bo/ho-so");
        Assert.Equal("Hồ sơ cần xử lý", await officer.Locator("h1").InnerTextAsync());

        // Every change is in the audit trail.
        await page.GotoAsync("/quan-tri/nhat-ky");
        var audit = await page.Locator("main table").InnerTextAsync();
        Assert.Contains("catalog.procedure.change", audit, StringComparison.Ordinal);
        Assert.Contains("officer.create", audit, StringComparison.Ordinal);
    }
}
