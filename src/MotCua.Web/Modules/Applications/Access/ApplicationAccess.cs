using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Access;

/// <summary>The signed-in caller as the lifecycle sees them, and what they may see.</summary>
public sealed record Caller(AccountCard User, Actor Actor, IReadOnlyList<string> Roles)
{
    public bool IsOfficer => Actor.Kind == ActorKind.Officer;

    /// <summary>Signed in through the national identity (VNeID, level 2) in this session.</summary>
    public bool IdentityVerified { get; init; }

    public bool IsApplicant => Actor.Kind == ActorKind.Applicant;

    /// <summary>Files for citizens with their consent; sees only what they filed; no back office.</summary>
    public bool IsAssistant => Actor.Kind == ActorKind.Assistant;

    /// <summary>A citizen sees their own applications; an officer those of their sub-tree, including steps handed to it.</summary>
    public bool CanSee(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (IsApplicant)
        {
            return application.ApplicantId == User.Id;
        }

        if (IsAssistant)
        {
            return application.CreatedById == User.Id;
        }

        // A draft is the applicant's own until they send it; officers see only drafts keyed in by an officer.
        if (application.Status == ApplicationStatus.Draft && application.CreatedById is null)
        {
            return false;
        }

        return IsOfficer && (Actor.Covers(application.UnitPath) || application.Steps.Any(s => Actor.Covers(s.UnitPath)));
    }
}

/// <remarks>
/// The caller (account, roles, unit) is read from the database once and then kept for <see cref="CallerLifetime"/>:
/// every API call needs it, and three queries per call were a third of the work of a read. An account's new roles,
/// or unit therefore take effect within that time; a locked, disabled or deleted account, or a password change, ends the
/// account's sessions (Identity.Sessions) and drops this entry at once.
/// </remarks>
public sealed class ApplicationAccess(AccountDirectory accounts, CatalogDirectory catalog, IMemoryCache cache)
{
    public static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static readonly TimeSpan CallerLifetime = TimeSpan.FromSeconds(30);

    public async Task<Caller?> CallerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var id = accounts.UserId(principal);
        if (id is null)
        {
            return null;
        }

        var key = "applications:caller:" + id;
        if (cache.TryGetValue(key, out Caller? cached) && cached is not null)
        {
            return cached;
        }

        var caller = await LoadAsync(principal, cancellationToken);
        if (caller is not null)
        {
            // Locking, deleting or a password change drops it at once (the session check refuses such a caller first anyway).
            cache.Set(key, caller, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CallerLifetime }.AddExpirationToken(accounts.Changes(caller.User.Id)));
        }

        return caller;
    }

    private async Task<Caller?> LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(principal);
        if (user is null)
        {
            return null;
        }

        var roles = user.Roles;
        if (user.AccountType != AccountType.Officer)
        {
            return new Caller(user, Actor.Applicant(user.Id, user.FullName), roles) { IdentityVerified = Identity.Public.IdentityLevel.IsVerified(principal) };
        }

        // An assistant holds no officer role: never an officer, whatever unit the account is filed under.
        if (roles.Contains(Roles.Assistant) && !roles.Any(r => r is Roles.Reception or Roles.Specialist or Roles.Leader or Roles.AgencyAdmin or Roles.ProvinceAdmin))
        {
            return new Caller(user, Actor.Assistant(user.Id, user.FullName), roles);
        }

        var unitPath = user.UnitId is int unitId ? (await catalog.UnitAsync(unitId, cancellationToken))?.Path : null;
        var stepRoles = roles.Select(r => r switch
        {
            Roles.Reception => StepRole.Reception,
            Roles.Specialist => StepRole.Specialist,
            Roles.Leader => StepRole.Leader,
            _ => (StepRole?)null,
        }).OfType<StepRole>();
        return new Caller(user, Actor.Officer(user.Id, user.FullName, stepRoles, unitPath ?? "/-/"), roles);
    }
}

public static class VietnamTime
{
    /// <summary>An instant as ISO 8601 with the +07:00 offset, as people and the national portal read it.</summary>
    public static DateTimeOffset? Offset(Instant? instant) =>
        instant?.InZone(ApplicationAccess.Vietnam).ToDateTimeOffset();

    public static DateTimeOffset Offset(Instant instant) => instant.InZone(ApplicationAccess.Vietnam).ToDateTimeOffset();

    /// <summary>"16:00 27/11/2026": how pages show a moment, in Vietnam time.</summary>
    public static string Text(Instant instant) =>
        instant.InZone(ApplicationAccess.Vietnam).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset moment) => Text(Instant.FromDateTimeOffset(moment));
}

/// <summary>
/// A unit's sub-tree as a range of materialized paths: every path that starts with "/…/unit/" sorts between it and
/// "/…/unit0" ('0' follows '/'), in byte order. The path columns use byte order (collation "C") on PostgreSQL and
/// SQLite's default, so `path &lt;= p &lt; end` is an index range scan where `LIKE 'path%'` may not be.
/// </summary>
public static class UnitScope
{
    public static (string Start, string End) Range(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[^1] != '/')
        {
            throw new ArgumentException("A unit path ends with '/'.", nameof(path));
        }

        return (path, path[..^1] + "0");
    }
}
