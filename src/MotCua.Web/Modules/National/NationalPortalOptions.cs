using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.National;

/// <summary>
/// Configuration "NationalPortal": whether MotCua works as the province system of the national public-service portal
/// (DVCQG), pushing every application and status change to it, and how to reach it. Checked at start-up.
/// </summary>
public sealed class NationalPortalOptions : IValidatableObject
{
    public const string Section = "NationalPortal";

    /// <summary>Push applications and their changes to the national portal.</summary>
    public bool Enabled { get; set; }

    /// <summary>The portal's address: absolute (https://…), or a path on this portal (the simulator of the embedded default, "/sandbox/dvcqg").</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The province system's id at the portal, sent with every request.</summary>
    public string? ClientId { get; set; }

    /// <summary>The shared secret every request is signed with (HMAC-SHA256); 32 characters at least.</summary>
    public string? Secret { get; set; }

    /// <summary>Serve the simulated national portal under /sandbox/dvcqg (embedded default only).</summary>
    public bool Simulator { get; set; }

    /// <summary>Procedures (by code) whose applications the portal does not take from MotCua; empty: all are pushed.</summary>
    public string[] ExcludedProcedures { get; set; } = [];

    public const string SimulatorPath = "/sandbox/dvcqg";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled && !Simulator)
        {
            yield break;
        }

        foreach (var problem in ConnectionProblems(Section, SimulatorPath, BaseUrl, ClientId, Secret))
        {
            yield return problem;
        }
    }

    /// <summary>What is wrong with a signed connection's settings (address, client id, secret), named under <paramref name="section"/>.</summary>
    internal static IEnumerable<ValidationResult> ConnectionProblems(string section, string simulatorPath, string? baseUrl, string? clientId, string? secret)
    {
        if (string.IsNullOrWhiteSpace(baseUrl) || !(baseUrl.StartsWith('/') || (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
        {
            yield return new ValidationResult($"{section}:BaseUrl must be an http(s) address or a path on this portal (e.g. {simulatorPath}).", ["BaseUrl"]);
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            yield return new ValidationResult($"{section}:ClientId is required.", ["ClientId"]);
        }

        if (secret is not { Length: >= 32 })
        {
            yield return new ValidationResult($"{section}:Secret must be at least 32 characters.", ["Secret"]);
        }
    }
}
