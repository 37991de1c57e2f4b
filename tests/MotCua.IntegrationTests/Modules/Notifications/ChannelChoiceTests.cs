using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Notifications.Log;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Notifications;

/// <summary>Each account holder chooses the channels; only a confirmed e-mail address or phone receives anything.</summary>
public abstract partial class ChannelChoiceTests
{
    private const string Password = "Kenh@2026!ab";

    protected abstract MotCuaApp Create();

    [Fact]
    public async Task Unconfirmed_addresses_get_nothing_until_confirmed_by_code_then_the_chosen_channels_do()
    {
        var app = Create();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var email = $"kenh.{Guid.NewGuid():N}@example.vn";
            var userName = await TestAccounts.NewCitizenAsync(app, Password, "Phan Thị Kênh", email);
            const string phone = "0987000111";
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var user = (await users.FindByNameAsync(userName))!;
                user.PhoneNumber = phone;
                Assert.True((await users.UpdateAsync(user)).Succeeded);
            }

            var citizen = await app.ApiClientFor(userName, Password);
            var reception = await app.ApiClientFor("reception1");
            var first = await SubmitBirthAsync(app, citizen, "Kênh Một");
            await ActOkAsync(reception, first, new { action = "receive" });
            await OutboxTests.EventuallyAsync(async () => (await citizen.GetJsonAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("applicationCode").GetString() == first && n.GetProperty("title").GetString() == "Hồ sơ đã được tiếp nhận") ? (bool?)true : null);
            await WaitDeliveredAsync(app, first);
            Assert.Empty(MailsTo(app, email));
            Assert.Empty(await LogAsync(app, "84987000111"));

            // The choice: e-mail and Zalo, no SMS; the API says nothing is confirmed yet.
            var put = await citizen.PutAsJsonAsync("/api/v1/notifications/channels", new { email = true, sms = false, zalo = true });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var view = await put.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(view.GetProperty("emailConfirmed").GetBoolean());
            Assert.False(view.GetProperty("phoneConfirmed").GetBoolean());

            // Confirm the e-mail with the code sent there, and the phone with the code sent by SMS.
            using var pages = app.Pages();
            await pages.SignInAsync(userName, Password);
            await SendCodeAsync(pages, "thu-dien-tu");
            var mailCode = await OutboxTests.EventuallyAsync(() => Task.FromResult(MailsTo(app, email)
                .Select(m => MailCode().Match(m.Subject ?? string.Empty)).FirstOrDefault(m => m.Success)?.Groups[1].Value));
            await ConfirmAsync(pages, "thu-dien-tu", mailCode);
            await SendCodeAsync(pages, "so-dien-thoai");
            var smsCode = await OutboxTests.EventuallyAsync(async () => (await LogAsync(app, "84987000111"))
                .Select(e => SmsCode().Match(e.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value);
            await ConfirmAsync(pages, "so-dien-thoai", smsCode);
            var confirmed = await citizen.GetJsonAsync("/api/v1/notifications/channels");
            Assert.True(confirmed.GetProperty("emailConfirmed").GetBoolean());
            Assert.True(confirmed.GetProperty("phoneConfirmed").GetBoolean());

            var second = await SubmitBirthAsync(app, citizen, "Kênh Hai");
            await ActOkAsync(reception, second, new { action = "receive" });
            await WaitDeliveredAsync(app, second);
            Assert.Contains(MailsTo(app, email), m => m.Subject == $"Hồ sơ đã được tiếp nhận – hồ sơ {second}");
            var log = await LogAsync(app, "84987000111");
            Assert.Contains(log, e => e.Channel == MessageLogEntry.Zalo && e.Text.Contains(second, StringComparison.Ordinal));
            Assert.DoesNotContain(log, e => e.Channel == MessageLogEntry.Sms && e.Text.Contains(second, StringComparison.Ordinal));
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_wrong_confirmation_code_is_explained_and_five_wrong_ones_spend_the_code()
    {
        var app = Create();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var email = $"sai.{Guid.NewGuid():N}@example.vn";
            var userName = await TestAccounts.NewCitizenAsync(app, Password, "Lê Văn Sai", email);
            using var pages = app.Pages();
            await pages.SignInAsync(userName, Password);
            await SendCodeAsync(pages, "thu-dien-tu");
            var code = await OutboxTests.EventuallyAsync(() => Task.FromResult(MailsTo(app, email)
                .Select(m => MailCode().Match(m.Subject ?? string.Empty)).FirstOrDefault(m => m.Success)?.Groups[1].Value));
            var wrong = code == "000000" ? "111111" : "000000";
            for (var i = 0; i < 5; i++)
            {
                using var attempt = await pages.SubmitAsync("/tai-khoan/xac-nhan/thu-dien-tu?gui=true", new Dictionary<string, string> { ["Code"] = wrong },
                    "/tai-khoan/xac-nhan/thu-dien-tu?handler=Confirm");
                Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
                Assert.Contains("Mã xác nhận không đúng hoặc đã hết hạn", WebUtility.HtmlDecode(await attempt.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            using var right = await pages.SubmitAsync("/tai-khoan/xac-nhan/thu-dien-tu?gui=true", new Dictionary<string, string> { ["Code"] = code! },
                "/tai-khoan/xac-nhan/thu-dien-tu?handler=Confirm");
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            var citizen = await app.ApiClientFor(userName, Password);
            Assert.False((await citizen.GetJsonAsync("/api/v1/notifications/channels")).GetProperty("emailConfirmed").GetBoolean());
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_with_a_code_sent_by_SMS_to_the_confirmed_phone()
    {
        var app = Create();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var pages = app.Pages();
            using (var asked = await pages.SubmitAsync("/quen-mat-khau", new Dictionary<string, string> { ["UserName"] = "citizen2", ["Channel"] = "sms" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            }

            var code = await OutboxTests.EventuallyAsync(async () => (await LogAsync(app, "84912000002"))
                .Select(e => ResetCode().Match(e.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value);
            const string newPassword = "Sms@2026!moi";
            using var reset = await pages.SubmitAsync("/quen-mat-khau/dat-lai?ten=citizen2", new Dictionary<string, string>
            {
                ["ten"] = "citizen2", ["Code"] = code!, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
            });
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
            using var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "citizen2", password = newPassword });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.DoesNotContain(MailsTo(app, "citizen2@demo.anbinh.gov.vn"), m => m.Subject?.Contains("đặt lại mật khẩu", StringComparison.Ordinal) == true);
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task SendCodeAsync(PageClient pages, string slug)
    {
        using var sent = await pages.SubmitAsync($"/tai-khoan/xac-nhan/{slug}", new Dictionary<string, string>(), $"/tai-khoan/xac-nhan/{slug}?handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    private static async Task ConfirmAsync(PageClient pages, string slug, string? code)
    {
        Assert.NotNull(code);
        using var confirmed = await pages.SubmitAsync($"/tai-khoan/xac-nhan/{slug}?gui=true", new Dictionary<string, string> { ["Code"] = code },
            $"/tai-khoan/xac-nhan/{slug}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/tai-khoan/nhan-thong-bao?xac-nhan={slug}", confirmed.Headers.Location?.OriginalString);
    }

    private static List<MimeKit.MimeMessage> MailsTo(MotCuaApp app, string address) =>
        !Directory.Exists(app.MailFolder) ? []
            : Directory.EnumerateFiles(app.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    private static async Task<List<MessageLogEntry>> LogAsync(MotCuaApp app, string to)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<MessageLogEntry>().AsNoTracking().Where(e => e.To == to).ToListAsync();
    }

    /// <summary>Every delivery of the application's messages is done (so "nothing arrived" is an answer, not a race).</summary>
    private static async Task WaitDeliveredAsync(MotCuaApp app, string code) =>
        await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var states = await db.Set<MotCua.Web.Common.Outbox.OutboxDelivery>()
                .Where(d => db.Set<MotCua.Web.Common.Outbox.OutboxMessage>().Any(m => m.Id == d.MessageId && m.Payload.Contains(code)))
                .Select(d => d.State).ToListAsync();
            return states.Count > 0 && states.All(s => s == MotCua.Web.Common.Outbox.DeliveryState.Delivered) ? (bool?)true : null;
        });

    [GeneratedRegex(@"Mã xác nhận thư điện tử: (\d{6})")]
    private static partial Regex MailCode();

    [GeneratedRegex(@"Ma xac nhan so dien thoai tren Cong Dich vu cong: (\d{6})")]
    private static partial Regex SmsCode();

    [GeneratedRegex(@"Ma dat lai mat khau tren Cong Dich vu cong: (\d{6})")]
    private static partial Regex ResetCode();
}

public sealed class ChannelChoiceOnSqlite : ChannelChoiceTests
{
    protected override MotCuaApp Create() => new ConfiguredSqliteApp(OutboxTestSettings.Fast);
}

public sealed class ChannelChoiceOnPostgres : ChannelChoiceTests
{
    protected override MotCuaApp Create() => new ConfiguredPostgresApp(OutboxTestSettings.Fast);
}
