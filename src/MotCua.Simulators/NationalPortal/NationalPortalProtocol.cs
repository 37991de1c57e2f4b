using System.Security.Cryptography;
using System.Text;

namespace MotCua.Simulators.NationalPortal;

/// <summary>
/// How a province system and the national public-service portal sign what they send each other (docs/national-integration.md):
/// the client's id, the time in Unix seconds, a one-time nonce, and HMAC-SHA256 over "timestamp\nnonce\nbody" with the
/// shared secret, in lowercase hex. The receiver refuses a request older than five minutes or with a nonce it has seen.
/// </summary>
public static class NationalPortalProtocol
{
    public const string ClientHeader = "X-Client-Id";
    public const string TimestampHeader = "X-Timestamp";
    public const string NonceHeader = "X-Nonce";
    public const string SignatureHeader = "X-Signature";

    /// <summary>The status push: one application as it stands now, with its whole history.</summary>
    public const string ApplicationsPath = "/api/v1/ho-so";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string timestamp, string nonce, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}"));
        return Convert.ToHexStringLower(mac);
    }

    public static bool SignatureMatches(string secret, string timestamp, string nonce, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, nonce, body)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
}
