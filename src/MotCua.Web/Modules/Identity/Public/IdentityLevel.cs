using System.Security.Claims;

namespace MotCua.Web.Modules.Identity.Public;

/// <summary>
/// How surely a session knows who signs in: "verified" when the person signed in through the national identity (VNeID,
/// level 2), kept on the session and as a claim of its principal; a password sign-in carries none.
/// </summary>
public static class IdentityLevel
{
    public const string Claim = "motcua:identity-level";
    public const string Verified = "verified";

    public static bool IsVerified(ClaimsPrincipal principal) =>
        principal?.HasClaim(Claim, Verified) == true;
}
