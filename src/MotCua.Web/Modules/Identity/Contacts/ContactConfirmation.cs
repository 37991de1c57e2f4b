using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Identity.Contacts;

/// <summary>
/// Confirms that the holder of an account reads its e-mail address or phone: a 6-digit code sent there, valid 15
/// minutes and for 5 tries, at most 3 an hour. Only a confirmed address or number receives notifications.
/// </summary>
public sealed class ContactConfirmation(MotCuaDbContext db, UserManager<AppUser> users, IClock clock)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(15);
    public const int MaxAttempts = 5;
    public const int MaxPerHour = 3;

    public const string WrongCode = "Mã xác nhận không đúng hoặc đã hết hạn. Kiểm tra lại mã, hoặc gửi mã mới.";

    /// <summary>The address or number a channel confirms, and whether it is confirmed already.</summary>
    public static (string? Target, bool Confirmed) TargetOf(AppUser user, string channel)
    {
        ArgumentNullException.ThrowIfNull(user);
        return channel == CodeChannels.Sms ? (user.PhoneNumber, user.PhoneNumberConfirmed) : (user.Email, user.EmailConfirmed);
    }

    /// <summary>Sends a code; null when sent, otherwise why not (nothing to confirm, or too many codes this hour).</summary>
    public async Task<string?> SendAsync(AppUser user, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (target, _) = TargetOf(user, channel);
        if (string.IsNullOrWhiteSpace(target))
        {
            return channel == CodeChannels.Sms ? "Tài khoản chưa có số điện thoại." : "Tài khoản chưa có thư điện tử.";
        }

        var now = clock.GetCurrentInstant();
        var recent = await db.Set<ContactCode>().CountAsync(c => c.UserId == user.Id && c.Channel == channel && c.CreatedAt > now - Duration.FromHours(1), cancellationToken);
        if (recent >= MaxPerHour)
        {
            return "Bạn đã yêu cầu mã 3 lần trong một giờ. Hãy dùng mã đã nhận, hoặc thử lại sau.";
        }

        var code = Codes.OneTimeCode.New();
        db.Add(new ContactCode
        {
            UserId = user.Id,
            Channel = channel,
            Target = target,
            CodeHash = Codes.OneTimeCode.Hash(code),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            Code = code,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Null when confirmed; otherwise the message to show.</summary>
    public async Task<string?> ConfirmAsync(AppUser user, string channel, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetCurrentInstant();
        var (target, _) = TargetOf(user, channel);
        var sent = await db.Set<ContactCode>()
            .Where(c => c.UserId == user.Id && c.Channel == channel && c.UsedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (sent is null || sent.ExpiresAt <= now || sent.Attempts >= MaxAttempts || sent.Target != target || string.IsNullOrWhiteSpace(code))
        {
            return WrongCode;
        }

        if (!Codes.OneTimeCode.Matches(sent.CodeHash, code))
        {
            sent.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            return WrongCode;
        }

        sent.UsedAt = now;
        if (channel == CodeChannels.Sms)
        {
            user.PhoneNumberConfirmed = true;
        }
        else
        {
            user.EmailConfirmed = true;
        }

        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? null : string.Join(" ", saved.Errors.Select(e => e.Description));
    }
}
