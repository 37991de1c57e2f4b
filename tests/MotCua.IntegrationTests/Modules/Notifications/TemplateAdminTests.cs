using System.Net;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Notifications;

/// <summary>The province admin rewords a notification; the applicant reads the new words on every channel.</summary>
public abstract class TemplateAdminTests
{
    private const string Received = "/quan-tri/mau-thong-bao/received";

    protected abstract MotCuaApp Create();

    [Fact]
    public async Task The_admin_previews_checks_and_saves_a_wording_and_the_next_notification_uses_it()
    {
        var app = Create();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var admin = app.Pages();
            await admin.SignInAsync("admin");
            var (status, list) = await admin.GetAsync("/quan-tri/mau-thong-bao");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Bộ phận một cửa tiếp nhận hồ sơ", System.Net.WebUtility.HtmlDecode(list), StringComparison.Ordinal);

            // A typo in a variable would print nothing: refused, explained beside the field, nothing saved.
            var typo = await admin.SubmitAsync(Received, new Dictionary<string, string>
            {
                ["Title"] = "Đã nhận hồ sơ {{ ma_ho_so }}",
                ["Body"] = "Hẹn trả ngày {{ ngay_het_han }}.",
            }, Received + "?handler=Save");
            Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
            var typoPage = System.Net.WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync());
            Assert.Contains("Không có biến “ngay_het_han”", typoPage, StringComparison.Ordinal);
            Assert.Contains("Đang dùng mẫu mặc định", typoPage, StringComparison.Ordinal);

            // The preview renders a sample application and saves nothing.
            var body = "{{ ten_thu_tuc }}: cơ quan đã nhận hồ sơ {{ ma_ho_so }}, hẹn trả {{ ngay_hen_tra }}. Theo dõi tại {{ duong_dan }}";
            var preview = await admin.SubmitAsync(Received, new Dictionary<string, string> { ["Title"] = "Đã nhận hồ sơ {{ ma_ho_so }}", ["Body"] = body }, Received + "?handler=Preview");
            var previewPage = System.Net.WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
            Assert.Contains("Đăng ký khai sinh: cơ quan đã nhận hồ sơ 000.01.00.H99-261201-0001, hẹn trả 16:00 ngày 04/12/2026.", previewPage, StringComparison.Ordinal);
            Assert.Contains("Đang dùng mẫu mặc định", previewPage, StringComparison.Ordinal);

            var saved = await admin.SubmitAsync(Received, new Dictionary<string, string> { ["Title"] = "Đã nhận hồ sơ {{ ma_ho_so }}", ["Body"] = body }, Received + "?handler=Save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var (_, afterSave) = await admin.GetAsync("/quan-tri/mau-thong-bao?luu=received");
            Assert.Contains("Mẫu của tỉnh", afterSave, StringComparison.Ordinal);
            var audit = await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/admin/audit?actor=admin");
            Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "notification-template.save"
                && e.GetProperty("entity").GetString() == "notification-template:received");

            var citizen = await app.ApiClientFor("citizen1");
            var code = await SubmitBirthAsync(app, citizen, "Mẫu Mới");
            await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
            var notification = await OutboxTests.EventuallyAsync(async () =>
                (await citizen.GetJsonAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray()
                    .Select(n => (System.Text.Json.JsonElement?)n)
                    .FirstOrDefault(n => n!.Value.GetProperty("title").GetString() == $"Đã nhận hồ sơ {code}"));
            var text = notification!.Value.GetProperty("body").GetString()!;
            Assert.StartsWith($"Đăng ký khai sinh: cơ quan đã nhận hồ sơ {code}, hẹn trả ", text, StringComparison.Ordinal);
            Assert.EndsWith($"Theo dõi tại {MotCuaApp.PublicBaseUrl}/ho-so/{code}", text, StringComparison.Ordinal);

            // Back to the default wording.
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Received, new Dictionary<string, string>(), Received + "?handler=Reset")).StatusCode);
            var (_, reset) = await admin.GetAsync(Received);
            Assert.Contains("Đang dùng mẫu mặc định", System.Net.WebUtility.HtmlDecode(reset), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Only_the_province_admin_edits_wordings()
    {
        var app = Create();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var officer = app.Pages();
            await officer.SignInAsync("reception1");
            using var response = await officer.Http.GetAsync(new Uri(Received, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/loi/403", StringComparison.Ordinal)),
                $"an officer who is not the province admin got {response.StatusCode}");
            using var admin = app.Pages();
            await admin.SignInAsync("admin");
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/quan-tri/mau-thong-bao/khong-co")).Status);
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

public sealed class TemplateAdminOnSqlite : TemplateAdminTests
{
    protected override MotCuaApp Create() => new ConfiguredSqliteApp(OutboxTestSettings.Fast);
}

public sealed class TemplateAdminOnPostgres : TemplateAdminTests
{
    protected override MotCuaApp Create() => new ConfiguredPostgresApp(OutboxTestSettings.Fast);
}
