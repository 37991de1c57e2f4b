using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Common.Web;

/// <summary>Section "Security": transport security. HTTPS is on by default outside Development.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>Redirect http to https and send HSTS on https responses. Null means: on, except in Development.</summary>
    public bool? HttpsRedirect { get; set; }

    /// <summary>The port http is redirected to (443 behind a usual proxy); null lets the server find its https address.</summary>
    [Range(1, 65535)]
    public int? HttpsPort { get; set; }

    [Range(1, 730)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>
    /// The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses). The loopback proxy is
    /// always believed; anyone else's forwarded headers are ignored, so a client cannot pose as another address.
    /// </summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"Security:KnownProxies holds “{p}”, which is not an IP address.", [nameof(KnownProxies)]));
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

/// <summary>
/// Section "Portal": how the portal names itself to the outside. Every absolute address MotCua hands out (the QR code
/// on a slip, a link in a message, later a payment's return address) is built from <see cref="PublicBaseUrl"/>, never
/// from the request's Host header, so a forged header cannot reach a legal slip.
/// </summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>e.g. "https://dichvucong.anbinh.gov.vn" (no trailing slash needed).</summary>
    [Required(ErrorMessage = "Portal:PublicBaseUrl is missing: set it to the portal's public address, e.g. https://dichvucong.anbinh.gov.vn (Portal__PublicBaseUrl). / Thiếu địa chỉ công khai của cổng (Portal:PublicBaseUrl).")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How the portal names the province ("tỉnh An Bình"); null = the area name of the root unit of the tree.</summary>
    [StringLength(150)]
    public string? ProvinceName { get; set; }

    /// <summary>The hotline for questions and feedback, printed on the receipt slip and in the footer.</summary>
    [StringLength(50)]
    public string? Hotline { get; set; }

    public Uri BaseUri => new(PublicBaseUrl!.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>An address from configuration: absolute (http, https), or a path on this portal (a built-in sandbox or simulator).</summary>
    public static Uri Address(Uri portalBase, string configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(portalBase, configured.TrimStart('/'));
    }

    /// <summary>An absolute address on the portal for a path ("/tra-cuu?code=…").</summary>
    public string Url(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return new Uri(BaseUri, pathAndQuery.TrimStart('/')).ToString();
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return new ValidationResult($"Portal:PublicBaseUrl must be an absolute http(s) address without a query, not “{url}”.", [nameof(PublicBaseUrl)]);
        }
    }
}
