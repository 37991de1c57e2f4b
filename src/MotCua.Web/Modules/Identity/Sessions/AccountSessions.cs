using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using NodaTime;

namespace MotCua.Web.Modules.Identity.Sessions;

/// <summary>Opens, checks and ends the server-side sessions behind cookies and bearer tokens.</summary>
public sealed class AccountSessions(MotCuaDbContext db, AccountChanges changes, IClock clock)
{
    /// <summary>The claim in the cookie and the token that names the session.</summary>
    public const string SessionClaim = "motcua:sid";

    /// <summary>A page session ends after this long whatever the activity (ASVS 3.3.2); the cookie's own idle timeout is shorter.</summary>
    public static readonly Duration PageLifetime = Duration.FromHours(12);

    public async Task<Guid> StartAsync(Guid userId, SessionKind kind, Duration lifetime, CancellationToken cancellationToken = default, bool identityVerified = false)
    {
        var now = clock.GetCurrentInstant();
        var session = new AccountSession { Id = Guid.NewGuid(), UserId = userId, Kind = kind, CreatedAt = now, ExpiresAt = now + lifetime, IdentityVerified = identityVerified };
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>Open, not expired, and its account neither locked nor deleted.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken = default)
    {
        var found = await (db.Database.IsNpgsql() ? SessionOnPostgres : SessionOnSqlite)(db, sessionId, userId, cancellationToken);
        var now = clock.GetCurrentInstant();
        return found is not null && found.EndedAt is null && found.ExpiresAt > now
            && !(found.LockoutEnabled && found.LockoutEnd is { } end && end > now.ToDateTimeOffset());
    }

    private sealed record SessionState(Instant ExpiresAt, Instant? EndedAt, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

    // Every signed-in request asks this, so it is compiled once (one per provider: a compiled query keeps its first
    // provider's SQL, and the tests run both in one process).
    private static readonly Func<MotCuaDbContext, Guid, Guid, CancellationToken, Task<SessionState?>> SessionOnPostgres = CompileSession();
    private static readonly Func<MotCuaDbContext, Guid, Guid, CancellationToken, Task<SessionState?>> SessionOnSqlite = CompileSession();

    private static Func<MotCuaDbContext, Guid, Guid, CancellationToken, Task<SessionState?>> CompileSession() => EF.CompileAsyncQuery(
        (MotCuaDbContext db, Guid sessionId, Guid userId, CancellationToken _) => db.Set<AccountSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionState(s.ExpiresAt, s.EndedAt, u.LockoutEnabled, u.LockoutEnd))
            .SingleOrDefault());

    public async Task EndAsync(ClaimsPrincipal principal, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (SessionOf(principal) is { } id)
        {
            var now = clock.GetCurrentInstant();
            await db.Set<AccountSession>().Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
        }
    }

    /// <summary>Ends every open session of the account but <paramref name="keep"/> (the one changing its password).</summary>
    public async Task EndAllAsync(Guid userId, string reason, Guid? keep = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        await db.Set<AccountSession>().Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
        changes.Signal(userId);
    }

    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;
}

/// <summary>
/// What other modules may cache about an account (the applications module keeps the caller for a few seconds) expires
/// through these tokens the moment the account is locked, deleted, changes its password or its roles.
/// </summary>
public sealed class AccountChanges
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _sources = new();

    public IChangeToken For(Guid userId) =>
        new CancellationChangeToken(_sources.GetOrAdd(userId, _ => new CancellationTokenSource()).Token);

    public void Signal(Guid userId)
    {
        if (_sources.TryRemove(userId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
