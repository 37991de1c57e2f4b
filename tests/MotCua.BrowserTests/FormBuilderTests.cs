using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>The province admin builds a new e-form with a shown-when rule, watches the preview, publishes it, and a citizen gets it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormBuilderTests(BrowserApp app)
{
    private const string Procedure = "1.004884";

    private static ILocator Row(IPage page, int index, string property) => page.Locator($"[id='Fields[{index}]_{property}']");

    [Fact]
    public async Task The_admin_builds_a_form_with_a_shown_when_rule_and_publishes_it_and_the_citizen_gets_it()
    {
        var admin = await app.NewPageAsync();
        await new LoginPage(admin).SignInAsync("admin", "MotCua@2026");
        await admin.GotoAsync($"/quan-tri/danh-muc/{Procedure}");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Thiết kế biểu mẫu" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thiết kế lại từ biểu mẫu trống" }).ClickAsync();

        // Three questions; the preview follows as the admin types, with no button pressed.
        await Row(admin, 0, "Label").FillAsync("Họ và tên người cần đăng ký lại khai sinh");
        await Row(admin, 0, "Required").CheckAsync();
        await Row(admin, 1, "Label").FillAsync("Ngày sinh");
        await Row(admin, 1, "Kind").SelectOptionAsync("Date");
        await Row(admin, 1, "DateLimit").SelectOptionAsync(new SelectOptionValue { Label = "Không sau hôm nay (ngày sinh, ngày đã xảy ra)" });
        await Row(admin, 2, "Label").FillAsync("Còn giữ bản chính Giấy khai sinh cũ");
        await Row(admin, 2, "Kind").SelectOptionAsync("YesNo");
        var preview = admin.Locator("#xem-truoc");
        await Assertions.Expect(preview).ToContainTextAsync("Còn giữ bản chính Giấy khai sinh cũ");
        Assert.False(await Row(admin, 1, "MaxLength").IsVisibleAsync());

        // The fourth is asked only when the third is answered "Có".
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Row(admin, 3, "Label").FillAsync("Số của Giấy khai sinh cũ");
        await Row(admin, 3, "Required").CheckAsync();
        await Row(admin, 3, "Pattern").FillAsync("^[A-Z]{3}$");
        await Row(admin, 3, "ShownWhenField").SelectOptionAsync(new SelectOptionValue { Label = "Trường “Còn giữ bản chính Giấy khai sinh cũ”" });
        await Row(admin, 3, "ShownWhenValue").FillAsync("Có");
        await Assertions.Expect(preview).ToContainTextAsync("Chỉ điền nếu “Còn giữ bản chính Giấy khai sinh cũ” là “Có”.");
        var number = preview.GetByLabel("Số của Giấy khai sinh cũ");
        await Assertions.Expect(number).ToBeHiddenAsync();
        await preview.GetByLabel("Có", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(number).ToBeVisibleAsync();

        // A pattern no one could type fails the sample check and is not published; without it the form goes out.
        await admin.GetByLabel("Căn cứ thay đổi").FillAsync("Quyết định số 20/QĐ-UBND");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xuất bản biểu mẫu (phiên bản mới)" }).ClickAsync();
        Assert.Contains("Chưa xuất bản được", await admin.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Row(admin, 3, "Pattern").FillAsync(string.Empty);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xuất bản biểu mẫu (phiên bản mới)" }).ClickAsync();
        Assert.Contains("Đã lưu phiên bản mới", await admin.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);

        // The citizen's e-form is the new one: the old certificate's number shows only once "Có" is picked.
        var citizen = await app.NewPageAsync();
        await new LoginPage(citizen).SignInAsync("citizen1", "MotCua@2026");
        await citizen.WaitForURLAsync("**/tai-khoan");
        await new SubmissionPage(citizen).OpenAsync(Procedure);
        var field = citizen.GetByLabel("Số của Giấy khai sinh cũ");
        await Assertions.Expect(citizen.GetByLabel("Họ và tên người cần đăng ký lại khai sinh")).ToBeVisibleAsync();
        await Assertions.Expect(field).ToBeHiddenAsync();
        await citizen.Locator("#form_conGiuBanChinhGiayKhaiSinhCu").GetByLabel("Có", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(field).ToBeVisibleAsync();
    }
}
