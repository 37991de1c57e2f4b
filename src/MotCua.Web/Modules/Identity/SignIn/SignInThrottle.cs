using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Modules.Identity.SignIn;

/// <summary>Failed sign-ins of one user name from one address (the key is a hash of both, so no name is stored).</summary>
public sealed class SignInFailure
{
    public string Key { get; set; } = string.Empty;

    /// <summary>A hash of the user name alone, so a password reset can forget the failures at every address.</summary>
    public string NameKey { get; set; } = string.Empty;

    public int Failures { get; set; }
    public Instant LastFailureAt { get; set; }
    public Instant? BlockedUntil { get; set; }
}

internal sealed class SignInFailureMapping : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("sign_in_failures");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(64);
        b.Property(f => f.NameKey).HasMaxLength(64);
        b.HasIndex(f => f.NameKey);
    }
}

/// <summary>Where a user name stands at one address: how many tries are left before a wait, or how long to wait.</summary>
public sealed record ThrottleState(int AttemptsLeft, Duration? Wait)
{
    public bool Blocked => Wait is not null;
}

/// <summary>
/// Slows down password guessing without letting a stranger lock a citizen out (ASVS 2.2.1): failures count per user
/// name and client address together, so typing someone's identity number at one address blocks only that address.
/// After <see cref="FreeAttempts"/> failures each further one makes the next wait longer (1, 2, 4, 8, then 15 minutes);
/// a success or a quiet day forgets them. Unknown user names are counted exactly like known ones, so the answers
/// reveal nothing about which accounts exist.
/// </summary>
public sealed class SignInThrottle(MotCuaDbContext db, IClock clock)
{
    public const int FreeAttempts = 5;

    private static readonly Duration FirstWait = Duration.FromMinutes(1);
    private static readonly Duration LongestWait = Duration.FromMinutes(15);
    private static readonly Duration Forget = Duration.FromDays(1);

    public async Task<ThrottleState> StateAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<SignInFailure>().AsNoTracking().SingleOrDefaultAsync(f => f.Key == Key(userName, address), cancellationToken);
        return State(row, clock.GetCurrentInstant());
    }

    /// <summary>Counts one failure and says what is left (a wait starts when the free attempts are used up).</summary>
    public async Task<ThrottleState> FailedAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var key = Key(userName, address);
        var now = clock.GetCurrentInstant();
        var set = db.Set<SignInFailure>();
        for (var attempt = 0; ; attempt++)
        {
            var row = await set.SingleOrDefaultAsync(f => f.Key == key, cancellationToken);
            if (row is null)
            {
                row = new SignInFailure { Key = key, NameKey = NameKey(userName) };
                set.Add(row);
            }
            else if (now - row.LastFailureAt > Forget)
            {
                row.Failures = 0;
            }

            row.Failures++;
            row.LastFailureAt = now;
            row.BlockedUntil = row.Failures >= FreeAttempts ? now + WaitAfter(row.Failures) : null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(row).State = EntityState.Detached;
                return State(row, now);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two failures at once for the same key: count again from what the other one wrote.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task SucceededAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var key = Key(userName, address);
        await db.Set<SignInFailure>().Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The owner proved who they are (a password reset): their failures at every address are forgotten.</summary>
    public async Task ForgetAsync(string userName, CancellationToken cancellationToken = default)
    {
        var nameKey = NameKey(userName);
        await db.Set<SignInFailure>().Where(f => f.NameKey == nameKey).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>1 minute at the 5th failure, doubling with each further one, at most 15 minutes.</summary>
    public static Duration WaitAfter(int failures)
    {
        var doublings = Math.Min(failures - FreeAttempts, 4);
        var wait = FirstWait * Math.Pow(2, Math.Max(0, doublings));
        return wait > LongestWait ? LongestWait : wait;
    }

    private static ThrottleState State(SignInFailure? row, Instant now)
    {
        if (row is null || now - row.LastFailureAt > Forget)
        {
            return new ThrottleState(FreeAttempts, null);
        }

        if (row.BlockedUntil is { } until && until > now)
        {
            return new ThrottleState(0, until - now);
        }

        return new ThrottleState(Math.Max(1, FreeAttempts - row.Failures), null);
    }

    private static string NameKey(string userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.Trim().ToUpperInvariant())));

    private static string Key(string userName, string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.Trim().ToUpperInvariant() + "\n" + address)));
}
