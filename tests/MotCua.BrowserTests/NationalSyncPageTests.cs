using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests;

/// <summary>
/// The province admin follows an application to the national portal: from the account page to the reconciliation,
/// where a citizen's new application shows as synced; on a phone the page does not scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NationalSyncPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_province_admin_sees_a_new_application_synced_with_the_national_portal()
    {
        var code = await SubmitBirthAsync();

        // The push goes through the outbox within a second or two: wait for it where the API says so, then look.
        using (var admin = await ApiAsync("admin"))
        {
            for (var i = 0; i < 60 && !(await admin.GetStringAsync(new Uri("/api/v1/integration/national-sync?state=synced", UriKind.Relative))).Contains(code, StringComparison.Ordinal); i++)
            {
                await Task.Delay(500);
            }
        }

        var axe = new AxeCheck();
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin", "MotCua@2026");
        await page.GotoAsync("/tai-khoan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đồng bộ với Cổng Dịch vụ công quốc gia" }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri/dong-bo-quoc-gia");
        Assert.Equal("Đồng bộ với Cổng Dịch vụ công quốc gia", await page.Locator("h1").InnerTextAsync());
        var row = page.Locator($"tr[data-code='{code}']");
        Assert.Contains("Đã đồng bộ", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(int.Parse(await page.Locator("dd[data-state=synced]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await axe.CheckAsync(page, "đồng bộ quốc gia");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "dong-bo-quoc-gia-desktop.png"), FullPage = true });

        // A state that is not one is said in Vietnamese, and the whole list stays.
        await page.GotoAsync("/quan-tri/dong-bo-quoc-gia?state=xong");
        Assert.Contains("Chọn một trong: synced, pending, failed.", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/quan-tri/dong-bo-quoc-gia?state=synced");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page itself scrolls sideways at 390 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "dong-bo-quoc-gia-390.png"), FullPage = true });
    }

    private async Task<HttpClient> ApiAsync(string user)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "MotCua@2026" });
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return http;
    }

    private async Task<string> SubmitBirthAsync()
    {
        using var http = await ApiAsync("citizen1");
        var units = await http.GetFromJsonAsync<JsonElement>("/api/v1/units");
        var items = units.ValueKind == JsonValueKind.Array ? units : units.GetProperty("items");
        var ward = items.EnumerateArray().First(u => u.GetProperty("name").GetString()!.Contains("An Phú", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        using var submitted = await http.PostAsJsonAsync("/api/v1/applications", new
        {
            procedureCode = "1.001193",
            unitId = ward,
            form = new
            {
                hoTenTre = "Lê Quốc Bảo", ngaySinhTre = "2026-11-20", gioiTinhTre = "Nam", noiSinh = "Trạm Y tế phường An Phú, tỉnh An Bình", danToc = "Kinh",
                hoTenMe = "Trần Thị Bình", soDinhDanhMe = "001190000002", quanHeVoiTre = "Mẹ", soDienThoai = "0912000002",
            },
        });
        submitted.EnsureSuccessStatusCode();
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static string Shots => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "motcua-screenshots", "national")).FullName;
}
