using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Sessions;
using MotCua.Web.Modules.Identity.SignIn;
using NodaTime;

namespace MotCua.Web.Modules.Identity.PasswordReset;

/// <summary>
/// "Quên mật khẩu": a 6-digit code to the account's own e-mail (or its confirmed phone), valid 15 minutes and for 5 tries; the same answers
/// whether or not the account exists. Setting the new password ends every session of the account and forgets the
/// failed sign-ins, so an owner blocked by someone guessing can sign in again.
/// </summary>
public sealed class PasswordResets(MotCuaDbContext db, UserManager<AppUser> users, AccountSessions sessions, SignInThrottle throttle, IClock clock)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(15);
    public const int MaxAttempts = 5;

    /// <summary>At most this many codes per account per hour: asking again and again sends nothing more.</summary>
    public const int MaxPerHour = 3;

    public const string WrongCode = "Mã xác nhận không đúng hoặc đã hết hạn. Kiểm tra lại mã, hoặc yêu cầu mã mới.";

    /// <summary>Sends a code by e-mail, or by SMS to the account's confirmed phone (<paramref name="channel"/> "sms").</summary>
    public async Task RequestAsync(string userName, string channel, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        var bySms = channel == Public.CodeChannels.Sms;
        var email = bySms ? null : user?.Email;
        var phone = bySms && user is { PhoneNumberConfirmed: true } ? user.PhoneNumber : null;
        if (user is null || string.IsNullOrEmpty(email ?? phone))
        {
            return; // nothing to send to, and nothing to tell a stranger
        }

        var now = clock.GetCurrentInstant();
        var recent = await db.Set<PasswordResetCode>().CountAsync(c => c.UserId == user.Id && c.CreatedAt > now - Duration.FromHours(1), cancellationToken);
        if (recent >= MaxPerHour)
        {
            return;
        }

        var code = Codes.OneTimeCode.New();
        db.Add(new PasswordResetCode
        {
            UserId = user.Id,
            CodeHash = Codes.OneTimeCode.Hash(code),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            Code = code,
            Email = email,
            Phone = phone,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Null when the password was set; otherwise the message to show (wrong or old code, or the password's own rules).</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ResetAsync(string userName, string code, string newPassword, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var user = await users.FindByNameAsync(userName.Trim());
        var reset = user is null ? null : await db.Set<PasswordResetCode>()
            .Where(c => c.UserId == user.Id && c.UsedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (user is null || reset is null || reset.ExpiresAt <= now || reset.Attempts >= MaxAttempts)
        {
            return [("Code", WrongCode)];
        }

        if (!Codes.OneTimeCode.Matches(reset.CodeHash, code))
        {
            reset.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            return [("Code", WrongCode)];
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => ("NewPassword", e.Description)).ToList();
        }

        reset.UsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(user.Id, "password-reset", cancellationToken: cancellationToken);
        await throttle.ForgetAsync(user.UserName!, cancellationToken);
        return [];
    }
}
