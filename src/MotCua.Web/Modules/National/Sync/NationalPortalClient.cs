using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Simulators.NationalPortal;
using MotCua.Web.Common.Web;

namespace MotCua.Web.Modules.National.Sync;

/// <summary>The portal's answer to a push: accepted (or already had it), or why not.</summary>
public sealed record PushResult(bool Accepted, bool Duplicate, string? Error)
{
    public static PushResult Failed(string error) => new(false, false, error);
}

/// <summary>
/// The adapter to the national public-service portal: pushes one application as it stands, signed as the protocol says
/// (<see cref="NationalPortalProtocol"/>: client id, time, a fresh nonce, HMAC-SHA256 over them and the body).
/// </summary>
public sealed class NationalPortalClient(IHttpClientFactory http, IOptions<NationalPortalOptions> options, IOptions<PortalOptions> portal, TimeProvider time)
{
    public const string HttpClientName = "national-portal";

    public async Task<PushResult> PushAsync(string body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = NationalPortalProtocol.Signed(HttpMethod.Post, new Uri(Address(o.BaseUrl!), NationalPortalProtocol.ApplicationsPath.TrimStart('/')),
            body, o.ClientId!, o.Secret!, time.GetUtcNow());
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return PushResult.Failed(string.Create(CultureInfo.InvariantCulture, $"Cổng DVCQG trả lời {(int)response.StatusCode}: {Error(answer)}"));
            }

            using var json = JsonDocument.Parse(answer);
            var duplicate = json.RootElement.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True;
            return new PushResult(true, duplicate, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return PushResult.Failed("Không kết nối được Cổng DVCQG: " + e.Message);
        }
    }

    private static string Error(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.TryGetProperty("error", out var e) ? e.GetString() ?? answer : answer;
        }
        catch (JsonException)
        {
            return answer.Length > 200 ? answer[..200] : answer;
        }
    }

    /// <summary>The portal's address as configured (or the embedded simulator's path on this portal), ending in "/".</summary>
    private Uri Address(string configured)
    {
        var address = PortalOptions.Address(portal.Value.BaseUri, configured);
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }
}
