using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Modules.Identity.Sessions;

/// <summary>
/// Inside both authentication handlers, cookie and bearer: a cookie or token whose session has ended (signed out,
/// password changed, account locked or deleted) authenticates no one, so the caller is asked to sign in (401, or the
/// sign-in page) and a replayed copy opens nothing. One indexed read per request.
/// </summary>
internal static class SessionCheck
{
    /// <summary>Cookie: Identity's periodic security-stamp check first, then the session on every request.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        if (!await IsActiveAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Bearer: the token is read here once more (cheap) to find its session before the handler accepts it.</summary>
    public static async Task CheckBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(context.Scheme.Name);
        var ticket = options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return; // the handler refuses it itself
        }

        if (!await IsActiveAsync(context.HttpContext, ticket.Principal))
        {
            context.Fail("The session of this token has ended.");
        }
    }

    private static async Task<bool> IsActiveAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal principal)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<Accounts.AppUser>>();
        return AccountSessions.SessionOf(principal) is { } sessionId && Guid.TryParse(users.GetUserId(principal), out var userId)
            && await http.RequestServices.GetRequiredService<AccountSessions>().IsActiveAsync(sessionId, userId, http.RequestAborted);
    }
}
