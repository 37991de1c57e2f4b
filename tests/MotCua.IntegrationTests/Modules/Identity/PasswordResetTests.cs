using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Identity.SignIn;

namespace MotCua.IntegrationTests.Modules.Identity;

/// <summary>"Quên mật khẩu": a one-time code by e-mail, the same answer whether or not the account exists.</summary>
public abstract partial class PasswordResetTests(MotCuaApp app)
{
    private const string Password = "Cu@2026!ab";
    private const string NewPassword = "Moi@2026!cd";

    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_emailed_code_and_the_old_sessions_end()
    {
        var (userName, email) = await NewCitizenAsync();
        var oldToken = await app.ApiClientFor(userName, Password);
        using var pages = app.Pages();
        using (var asked = await pages.SubmitAsync("/quen-mat-khau", new Dictionary<string, string> { ["UserName"] = userName }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.StartsWith("/quen-mat-khau/dat-lai?ten=", asked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var code = await CodeFromMailAsync(email);
        using (var reset = await pages.SubmitAsync($"/quen-mat-khau/dat-lai?ten={userName}", new Dictionary<string, string>
        {
            ["ten"] = userName,
            ["Code"] = code,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
            Assert.Equal("/dang-nhap?doi-mat-khau=1", reset.Headers.Location?.OriginalString);
        }

        using var me = await oldToken.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await (await app.ApiClientFor(userName, NewPassword)).GetJsonAsync("/api/v1/me");

        // The code works once.
        using var again = await pages.SubmitAsync($"/quen-mat-khau/dat-lai?ten={userName}", new Dictionary<string, string>
        {
            ["ten"] = userName, ["Code"] = code, ["NewPassword"] = "Lan3@2026!x", ["ConfirmPassword"] = "Lan3@2026!x",
        });
        Assert.Contains("Mã xác nhận không đúng hoặc đã hết hạn", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_and_no_mail()
    {
        using var pages = app.Pages();
        using var asked = await pages.SubmitAsync("/quen-mat-khau", new Dictionary<string, string> { ["UserName"] = "khong-co-tai-khoan-nay" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/quen-mat-khau/dat-lai?ten=", asked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var (_, html) = await pages.GetAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("Nếu tài khoản này có thư điện tử đã đăng ký (hoặc số điện thoại đã xác nhận, khi bạn chọn nhận bằng tin nhắn), mã xác nhận vừa được gửi tới đó.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_use_the_code_up()
    {
        var (userName, email) = await NewCitizenAsync();
        using var pages = app.Pages();
        using (await pages.SubmitAsync("/quen-mat-khau", new Dictionary<string, string> { ["UserName"] = userName }))
        {
        }

        var code = await CodeFromMailAsync(email);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await pages.SubmitAsync($"/quen-mat-khau/dat-lai?ten={userName}", new Dictionary<string, string>
            {
                ["ten"] = userName, ["Code"] = wrong, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
            });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var right = await pages.SubmitAsync($"/quen-mat-khau/dat-lai?ten={userName}", new Dictionary<string, string>
        {
            ["ten"] = userName, ["Code"] = code, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("Mã xác nhận không đúng hoặc đã hết hạn", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await app.ApiClientFor(userName, Password)).GetJsonAsync("/api/v1/me");
    }

    [Fact]
    public async Task An_owner_blocked_by_someone_guessing_signs_in_again_after_resetting()
    {
        var (userName, email) = await NewCitizenAsync();
        var client = app.CreateClient();
        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Doan@2026!" + i });
        }

        using (var blocked = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password }))
        {
            Assert.Contains("Vui lòng chờ", (await blocked.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var pages = app.Pages();
        using (await pages.SubmitAsync("/quen-mat-khau", new Dictionary<string, string> { ["UserName"] = userName }))
        {
        }

        var code = await CodeFromMailAsync(email);
        using (var reset = await pages.SubmitAsync($"/quen-mat-khau/dat-lai?ten={userName}", new Dictionary<string, string>
        {
            ["ten"] = userName, ["Code"] = code, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        await (await app.ApiClientFor(userName, NewPassword)).GetJsonAsync("/api/v1/me");
    }

    private async Task<(string UserName, string Email)> NewCitizenAsync()
    {
        var email = $"dat-lai-{Guid.NewGuid():N}@example.vn";
        return (await TestAccounts.NewCitizenAsync(app, Password, "Phan Thị Quên", email), email);
    }

    /// <summary>The code as the citizen reads it: the e-mail in the pickup folder of the embedded default.</summary>
    private async Task<string> CodeFromMailAsync(string email)
    {
        var folder = app.MailFolder;
        var mail = await OutboxTests.EventuallyAsync(() => Task.FromResult(Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Subject?.StartsWith("Mã xác nhận", StringComparison.Ordinal) == true)
            : null));
        return SixDigits().Match(mail.Subject!).Value;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}

[Collection(SqliteCollection.Name)]
public sealed class PasswordResetOnSqlite(SqliteApp app) : PasswordResetTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PasswordResetOnPostgres(PostgresApp app) : PasswordResetTests(app);
