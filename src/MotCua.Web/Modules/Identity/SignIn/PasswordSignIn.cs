using System.Globalization;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Modules.Identity.Accounts;
using NodaTime;

namespace MotCua.Web.Modules.Identity.SignIn;

/// <summary>What a sign-in attempt came to, with the one message the person sees.</summary>
public sealed record SignInOutcome(AppUser? User, string? Message)
{
    public bool Succeeded => User is not null;

    /// <summary>Set when the attempt was refused because of too many failures: seconds until the next try.</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>
/// The one path by which a user name and password become an account, for the sign-in page and the token endpoint alike.
/// An unknown name costs the same password hashing as a known one with a wrong password and gets the same message,
/// before and after repeated failures, so neither the answer nor its time tells which accounts exist.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, IClock clock)
{
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    private static readonly AppUser Dummy = new() { UserName = "dummy" };

    // A hash of a random password, made once, for unknown names to be checked against.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(Dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var name = userName.Trim();
        var state = await throttle.StateAsync(name, address, cancellationToken);
        if (state.Blocked)
        {
            return Blocked(state.Wait!.Value);
        }

        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        bool valid;
        if (user is null)
        {
            hasher.VerifyHashedPassword(Dummy, DummyHash.Value, password);
            valid = false;
        }
        else
        {
            valid = await users.CheckPasswordAsync(user, password);
        }

        if (!valid)
        {
            var after = await throttle.FailedAsync(name, address, cancellationToken);
            return after.Blocked ? Blocked(after.Wait!.Value) : new SignInOutcome(null, WrongCredentials + Warning(after.AttemptsLeft));
        }

        await throttle.SucceededAsync(name, address, cancellationToken);
        if (user!.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetCurrentInstant().ToDateTimeOffset())
        {
            // Only someone who knows the password learns that the account is locked.
            return new SignInOutcome(null, "Tài khoản này đang bị khóa. Vui lòng liên hệ bộ phận một cửa hoặc quản trị đơn vị.");
        }

        return new SignInOutcome(user, null);
    }

    private static string Warning(int attemptsLeft) => attemptsLeft <= 2
        ? string.Create(CultureInfo.InvariantCulture, $" Bạn còn {attemptsLeft} lần thử trước khi phải chờ mới được thử tiếp.")
        : string.Empty;

    private static SignInOutcome Blocked(Duration wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var text = seconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{seconds} giây") : string.Create(CultureInfo.InvariantCulture, $"{(seconds + 59) / 60} phút");
        return new SignInOutcome(null, $"Bạn đã nhập sai nhiều lần. Vui lòng chờ {text} rồi thử lại.")
        {
            RetryAfterSeconds = seconds,
        };
    }
}
