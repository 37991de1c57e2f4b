using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Modules.Identity.Sessions;
using NodaTime;

namespace MotCua.Web.Modules.Identity.Accounts;

/// <summary>
/// Signing in and out, and what ends an account's sessions at once: a password change (the other sessions), locking,
/// disabling, deleting. Every path that opens a session goes through here, so each cookie and token names its session.
/// </summary>
public sealed class AccountLifecycle(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountSessions sessions)
{
    /// <summary>Signs the browser in with a new page session; <paramref name="identityVerified"/> when it came through the national identity.</summary>
    public async Task SignInPageAsync(AppUser user, CancellationToken cancellationToken = default, bool identityVerified = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = await sessions.StartAsync(user.Id, SessionKind.Page, AccountSessions.PageLifetime, cancellationToken, identityVerified);
        List<Claim> claims = [new Claim(AccountSessions.SessionClaim, id.ToString())];
        if (identityVerified)
        {
            claims.Add(new Claim(Public.IdentityLevel.Claim, Public.IdentityLevel.Verified));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    /// <summary>A principal for a bearer token, naming its new API session.</summary>
    public async Task<ClaimsPrincipal> ApiPrincipalAsync(AppUser user, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = await sessions.StartAsync(user.Id, SessionKind.Api, Duration.FromTimeSpan(lifetime), cancellationToken);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountSessions.SessionClaim, id.ToString()));
        return principal;
    }

    /// <summary>Ends the browser's session and removes its cookie; a copy of the cookie replayed later opens nothing.</summary>
    public async Task SignOutPageAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await sessions.EndAsync(principal, "signed-out", cancellationToken);
        await signIn.SignOutAsync();
    }

    /// <summary>Ends the bearer token's session: the token is refused from now on.</summary>
    public Task SignOutApiAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        sessions.EndAsync(principal, "signed-out", cancellationToken);

    /// <summary>Changes the password and ends every other session of the account; the current one stays signed in.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, AppUser user, string current, string next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded)
        {
            await sessions.EndAllAsync(user.Id, "password-changed", keep: AccountSessions.SessionOf(principal), cancellationToken);
        }

        return result;
    }

    /// <summary>Locks the account until the given moment (an administrator's decision) and ends its sessions.</summary>
    public async Task LockAsync(AppUser user, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, until.ToDateTimeOffset());
        await sessions.EndAllAsync(user.Id, "locked", cancellationToken: cancellationToken);
    }

    /// <summary>Ends every session of the account (its unit or roles changed): it signs in again under the new terms.</summary>
    public async Task EndSessionsAsync(AppUser user, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await sessions.EndAllAsync(user.Id, reason, cancellationToken: cancellationToken);
    }

    /// <summary>Disables the account for good (until an administrator unlocks it) and ends its sessions.</summary>
    public Task DisableAsync(AppUser user, CancellationToken cancellationToken = default) =>
        LockAsync(user, Instant.MaxValue, cancellationToken);

    /// <summary>Removes the account; its sessions go with it.</summary>
    public async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await sessions.EndAllAsync(user.Id, "deleted", cancellationToken: cancellationToken);
        return await users.DeleteAsync(user);
    }
}
