namespace MotCua.Web.Common.Web;

public static class RateLimits
{
    /// <summary>Sign-in attempts per client address (ASVS 2.2.1), on top of account lockout.</summary>
    public const string SignIn = "sign-in";
}
