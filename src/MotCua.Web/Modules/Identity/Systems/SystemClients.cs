using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Systems;

/// <summary>One outside system allowed to act on applications (the payment gateway's callback, later the national portal).</summary>
public sealed class SystemClientOptions
{
    /// <summary>"payment-gateway": what the history and logs call it.</summary>
    [Required, RegularExpression("^[a-z0-9-]{2,40}$", ErrorMessage = "Systems:Clients:…:Id is 2–40 lower-case letters, digits or '-'.")]
    public string Id { get; set; } = string.Empty;

    /// <summary>"Cổng thanh toán VNPay": the name recorded in the application's history.</summary>
    [Required, StringLength(100, MinimumLength = 2)]
    public string Name { get; set; } = string.Empty;

    /// <summary>SHA-256 of the client's key, in hex: the key itself is never stored (echo -n KEY | sha256sum).</summary>
    [Required, RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Systems:Clients:…:KeySha256 is the 64 hex digits of the key's SHA-256.")]
    public string KeySha256 { get; set; } = string.Empty;

    /// <summary>The transitions it may make ("payment-confirmed").</summary>
    public IReadOnlyList<string> Actions { get; set; } = [];
}

/// <summary>Section "Systems": the outside systems MotCua accepts transitions from, each with its own key.</summary>
public sealed class SystemsOptions : IValidatableObject
{
    public const string Section = "Systems";

    public IReadOnlyList<SystemClientOptions> Clients { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var client in Clients)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(client, new ValidationContext(client), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return result;
            }

            foreach (var action in client.Actions.Where(a => !SystemCaller.SystemActions.Contains(a)))
            {
                yield return new ValidationResult($"Systems:Clients ({client.Id}) names the action “{action}”; systems may make only: {string.Join(", ", SystemCaller.SystemActions)}.");
            }
        }

        foreach (var duplicate in Clients.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"Systems:Clients has the id “{duplicate.Key}” twice.");
        }
    }
}

/// <summary>
/// "Authorization: ApiKey …" for outside systems: the key's SHA-256 is compared in constant time with each configured
/// client's. A person's session or token never passes here, and a system key never passes a person's policy.
/// </summary>
internal sealed class SystemKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<SystemsOptions> systems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SystemKey";
    private const string Prefix = "ApiKey ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(header[Prefix.Length..].Trim()));
        var client = systems.CurrentValue.Clients.FirstOrDefault(c =>
            c.KeySha256.Length == 64 && CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(c.KeySha256)));
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown system key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(SystemCaller.IdClaim, client.Id), new Claim(ClaimTypes.Name, client.Name), .. client.Actions.Select(a => new Claim(SystemCaller.ActionClaim, a))],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey";
        await Results.Problem("Cần khóa của hệ thống (Authorization: ApiKey …) hợp lệ.", statusCode: 401, title: "Chưa xác thực").ExecuteAsync(Context);
    }
}
