using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.Indicators.Upward;

/// <summary>One national system the province's indicators are pushed to, signed as the national portal's requests are.</summary>
public sealed class ReportingTarget
{
    /// <summary>"bao-cao-quoc-gia", "giam-sat-chinh-phu-so": the outbox consumer is "report:" and this.</summary>
    [Required, RegularExpression("^[a-z0-9-]{2,40}$", ErrorMessage = "NationalReporting:Targets:…:Name is 2–40 lower-case letters, digits or '-'.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The system's address (https://…), or a path on this portal (a simulator of the embedded default).</summary>
    [Required]
    public string BaseUrl { get; set; } = string.Empty;

    [Required]
    public string ClientId { get; set; } = string.Empty;

    [Required, MinLength(32, ErrorMessage = "NationalReporting:Targets:…:Secret must be at least 32 characters.")]
    public string Secret { get; set; } = string.Empty;
}

/// <summary>
/// Configuration "NationalReporting": the province's indicators of each month, pushed once the month is over to the
/// national reporting system and the digital-government monitoring system (seed 003), through the outbox. Checked at start-up.
/// </summary>
public sealed class UpwardReportingOptions : IValidatableObject
{
    public const string Section = "NationalReporting";
    public const string SimulatorPath = "/sandbox/bao-cao";

    public bool Enabled { get; set; }

    /// <summary>Serve a simulated national system per target under /sandbox/bao-cao/{name} (embedded default only).</summary>
    public bool Simulator { get; set; }

    /// <summary>The day of the month (1–28) from which last month's report is sent; the province's figures settle in the first days.</summary>
    [Range(1, 28)]
    public int SendFromDay { get; set; } = 1;

    /// <summary>How often the schedule looks for a month to report (minutes).</summary>
    [Range(1, 1440)]
    public int CheckMinutes { get; set; } = 60;

    public IReadOnlyList<ReportingTarget> Targets { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Targets.Count == 0)
        {
            yield return new ValidationResult("NationalReporting:Targets names no system to report to.");
        }

        foreach (var target in Targets)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return result;
            }

            if (!(target.BaseUrl.StartsWith('/') || (Uri.TryCreate(target.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
            {
                yield return new ValidationResult($"NationalReporting:Targets ({target.Name}): BaseUrl must be an http(s) address or a path on this portal.");
            }
        }

        foreach (var twice in Targets.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"NationalReporting:Targets has the name “{twice.Key}” twice.");
        }
    }
}

/// <summary>A target simulated on this portal (embedded default), under /sandbox/bao-cao/{name}.</summary>
public sealed record SimulatedTarget(string Name, MotCua.Simulators.Reporting.ReportingSimulator Simulator);
