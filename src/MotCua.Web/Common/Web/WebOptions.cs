using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Common.Web;

/// <summary>Section "Security": transport security. HTTPS is on by default outside Development.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Redirect http to https and send HSTS on https responses. Null means: on, except in Development.</summary>
    public bool? HttpsRedirect { get; set; }

    /// <summary>The port http is redirected to (443 behind a usual proxy); null lets the server find its https address.</summary>
    [Range(1, 65535)]
    public int? HttpsPort { get; set; }

    [Range(1, 730)]
    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>Section "RateLimits": requests per client address per minute; 0 turns a limit off (benchmarks only).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and registration attempts (POST only; opening the page is not an attempt). ASVS 2.2.1.</summary>
    [Range(0, int.MaxValue)]
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Public tracking by code (/tra-cuu, /api/v1/tracking/{code}), so codes cannot be walked.</summary>
    [Range(0, int.MaxValue)]
    public int TrackingPerMinute { get; set; } = 30;
}
