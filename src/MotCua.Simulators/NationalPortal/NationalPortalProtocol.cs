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

    /// <summary>An application filed on the national portal, handed to the province system.</summary>
    public const string InboundPath = "/api/v1/integration/national-portal/applications";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>How long a receiver keeps the nonces it has seen: twice the window, so a replay inside it is always caught.</summary>
    public static readonly TimeSpan NonceLifetime = Window * 2;

    /// <summary>
    /// Why a signed request is refused — a wrong client id, a time outside the window, a malformed nonce or a signature
    /// that does not match the body — or null when it is sound. Whether the nonce was seen before is the receiver's to check.
    /// </summary>
    public static string? Refusal(string expectedClient, string secret, string? client, string? timestamp, string? nonce, string? signature, string body, DateTimeOffset now)
    {
        if (client != expectedClient)
        {
            return "Mã hệ thống không đúng.";
        }

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799 || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return "Thời điểm gửi không hợp lệ hoặc đã quá 5 phút.";
        }

        if (nonce is not { Length: >= 16 and <= 64 } || !nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !SignatureMatches(secret, timestamp!, nonce, body, signature))
        {
            return "Chữ ký không đúng.";
        }

        return null;
    }

    /// <summary>A request signed as the protocol says, with a fresh nonce (or the one given, to test a replay).</summary>
    public static HttpRequestMessage Signed(HttpMethod method, Uri address, string body, string clientId, string secret, DateTimeOffset now, string? nonce = null)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        nonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var request = new HttpRequestMessage(method, address) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ClientHeader, clientId);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(NonceHeader, nonce);
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, nonce, body));
        return request;
    }

    public static string Sign(string secret, string timestamp, string nonce, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}"));
        return Convert.ToHexStringLower(mac);
    }

    public static bool SignatureMatches(string secret, string timestamp, string nonce, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, nonce, body)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
}

/// <summary>
/// How a simulated receiver checks what it is sent: the protocol's <see cref="NationalPortalProtocol.Refusal"/>, then
/// whether the nonce was seen within <see cref="NationalPortalProtocol.NonceLifetime"/> (a second use is a replay).
/// </summary>
public sealed class SignedReceiver(string clientId, string secret)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Why the request is refused; null when it is sound (its nonce is then recorded).</summary>
    public string? Refusal(Microsoft.AspNetCore.Http.IHeaderDictionary headers, string signed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var nonce = headers[NationalPortalProtocol.NonceHeader].ToString();
        if (NationalPortalProtocol.Refusal(clientId, secret, headers[NationalPortalProtocol.ClientHeader], headers[NationalPortalProtocol.TimestampHeader],
                nonce, headers[NationalPortalProtocol.SignatureHeader], signed, now) is { } refused)
        {
            return refused;
        }

        foreach (var old in _seen.Where(n => now - n.Value > NationalPortalProtocol.NonceLifetime))
        {
            _seen.TryRemove(old.Key, out _);
        }

        return _seen.TryAdd(nonce, now) ? null : "Yêu cầu này đã được gửi trước đó.";
    }
}
