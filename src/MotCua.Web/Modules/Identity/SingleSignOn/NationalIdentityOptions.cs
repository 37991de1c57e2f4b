using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.Identity.SingleSignOn;

/// <summary>
/// Configuration "NationalIdentity": sign-in with the national identity (VNeID) by OpenID Connect, authorization code
/// with PKCE, beside local accounts. Checked at start-up.
/// </summary>
public sealed class NationalIdentityOptions : IValidatableObject
{
    public const string Section = "NationalIdentity";
    public const string SimulatorPath = "/sandbox/vneid";
    public const string Scheme = "vneid";

    public bool Enabled { get; set; }

    /// <summary>The provider's issuer address (https://…), or a path on this portal (the simulator of the embedded default, "/sandbox/vneid").</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret the code is exchanged with; 16 characters at least.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Serve the simulated provider under /sandbox/vneid (embedded default only).</summary>
    public bool Simulator { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled && !Simulator)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Authority) || !(Authority.StartsWith('/') || (Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
        {
            yield return new ValidationResult($"{Section}:Authority must be an http(s) address or a path on this portal (e.g. {SimulatorPath}).", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{Section}:ClientId is required.", [nameof(ClientId)]);
        }

        if (ClientSecret is not { Length: >= 16 })
        {
            yield return new ValidationResult($"{Section}:ClientSecret must be at least 16 characters.", [nameof(ClientSecret)]);
        }
    }
}
