using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.Payments;

/// <summary>
/// "Payments": the gateways MotCua may send payers to, and the built-in sandbox gateway. Secrets come from configuration
/// (environment or a secret store), are checked at start-up for every enabled provider, and are never shown or logged.
/// </summary>
public sealed class PaymentOptions : IValidatableObject
{
    public const string Section = "Payments";

    /// <summary>The provider an admin is offered first when declaring a unit's collecting account.</summary>
    public string? DefaultProvider { get; set; }

    /// <summary>How long the payer has at the gateway before the order expires.</summary>
    [Range(5, 24 * 60)]
    public int PaymentMinutes { get; set; } = 15;

    /// <summary>How long after it was made a payment with no notice is asked about at the gateway (querydr).</summary>
    [Range(0, 24 * 60)]
    public int QueryAfterMinutes { get; set; } = 5;

    /// <summary>How often the status worker looks for such payments; 0 turns it off (tests run it by hand).</summary>
    [Range(0, 3600)]
    public int QueryEverySeconds { get; set; } = 60;

    /// <summary>VNPay-protocol merchant accounts by provider name ("vnpay", "sandbox").</summary>
    public Dictionary<string, VnPayProviderOptions> Providers { get; set; } = new(StringComparer.Ordinal);

    public SandboxGatewayOptions Sandbox { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, provider) in Providers.Where(p => p.Value.Enabled))
        {
            foreach (var problem in provider.Problems())
            {
                yield return new ValidationResult($"Payments:Providers:{name}: {problem}", [nameof(Providers)]);
            }
        }

        if (DefaultProvider is { Length: > 0 } chosen && !(Providers.TryGetValue(chosen, out var p) && p.Enabled))
        {
            yield return new ValidationResult($"Payments:DefaultProvider names “{chosen}”, which is not an enabled provider under Payments:Providers.", [nameof(DefaultProvider)]);
        }

        if (Sandbox.Enabled)
        {
            if (Sandbox.Merchants.Count == 0)
            {
                yield return new ValidationResult("Payments:Sandbox is enabled but has no merchant (Payments:Sandbox:Merchants).", [nameof(Sandbox)]);
            }

            foreach (var (merchant, i) in Sandbox.Merchants.Select((m, i) => (m, i)))
            {
                if (string.IsNullOrWhiteSpace(merchant.TmnCode) || (merchant.HashSecret?.Length ?? 0) < VnPayProviderOptions.ShortestSecret || string.IsNullOrWhiteSpace(merchant.IpnUrl))
                {
                    yield return new ValidationResult($"Payments:Sandbox:Merchants:{i} needs TmnCode, a HashSecret of at least {VnPayProviderOptions.ShortestSecret} characters and IpnUrl.", [nameof(Sandbox)]);
                }
            }
        }
    }
}

/// <summary>One VNPay 2.1.0 merchant account.</summary>
public sealed class VnPayProviderOptions
{
    public const int ShortestSecret = 16;

    public bool Enabled { get; set; } = true;

    /// <summary>How the payer sees the gateway named ("VNPay", "Cổng thanh toán thử nghiệm").</summary>
    public string? DisplayName { get; set; }

    /// <summary>vnp_TmnCode, the merchant's code at the gateway.</summary>
    public string? TmnCode { get; set; }

    /// <summary>vnp_HashSecret: signs every redirect and checks every answer.</summary>
    public string? HashSecret { get; set; }

    /// <summary>The gateway's payment address (absolute, or a path on the portal for the built-in sandbox).</summary>
    public string? PayUrl { get; set; }

    /// <summary>The gateway's transaction API (querydr), asked about payments whose notice never came.</summary>
    public string? QueryUrl { get; set; }

    /// <summary>
    /// The gateway's day statement (the built-in sandbox has one); without it reconciliation asks querydr order by order.
    /// </summary>
    public string? StatementUrl { get; set; }

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(TmnCode))
        {
            yield return "TmnCode is missing.";
        }

        if ((HashSecret?.Length ?? 0) < ShortestSecret)
        {
            yield return $"HashSecret is missing or shorter than {ShortestSecret} characters.";
        }

        if (string.IsNullOrWhiteSpace(PayUrl))
        {
            yield return "PayUrl is missing.";
        }
    }
}

/// <summary>
/// The built-in sandbox gateway: a VNPay-compatible payment page and notice sender at /sandbox/vnpay, with its own
/// merchants and secrets, as a real gateway holds them. For the embedded default and tests; off in production.
/// </summary>
public sealed class SandboxGatewayOptions
{
    public bool Enabled { get; set; }

    public List<SandboxMerchant> Merchants { get; set; } = [];
}

public sealed class SandboxMerchant
{
    public string? TmnCode { get; set; }

    public string? Name { get; set; }

    public string? HashSecret { get; set; }

    /// <summary>Where the sandbox sends its server-to-server notice (absolute, or a path on the portal).</summary>
    public string? IpnUrl { get; set; }
}
