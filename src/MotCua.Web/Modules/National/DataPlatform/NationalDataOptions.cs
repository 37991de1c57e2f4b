using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.National.DataPlatform;

/// <summary>
/// Configuration "NationalData": the national data-sharing platform (NDXP) MotCua asks for what the population,
/// civil-status, business and land databases hold, so a verified applicant is not asked for those documents. Checked at start-up.
/// </summary>
public sealed class NationalDataOptions : IValidatableObject
{
    public const string Section = "NationalData";
    public const string SimulatorPath = "/sandbox/ndxp";

    /// <summary>Look documents up on the platform; off: every document is asked for as before.</summary>
    public bool Enabled { get; set; }

    /// <summary>The platform's address (https://…), or a path on this portal (the simulator of the embedded default, "/sandbox/ndxp").</summary>
    public string? BaseUrl { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The shared secret every request is signed with (HMAC-SHA256); 32 characters at least.</summary>
    public string? Secret { get; set; }

    /// <summary>Serve the simulated platform under /sandbox/ndxp (embedded default only).</summary>
    public bool Simulator { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Enabled || Simulator ? NationalPortalOptions.ConnectionProblems(Section, SimulatorPath, BaseUrl, ClientId, Secret) : [];
}
