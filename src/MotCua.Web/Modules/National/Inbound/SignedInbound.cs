using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Simulators.NationalPortal;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.National.Data;
using NodaTime;

namespace MotCua.Web.Modules.National.Inbound;

/// <summary>
/// Checks a request from the national portal as the protocol says (docs/national-integration.md): its client id, its
/// time within five minutes, its signature over the body with the shared secret, and a nonce not seen before — kept in
/// the database, so a replay is refused on every node. The body is read once, whole, and handed back to be parsed.
/// </summary>
public sealed class SignedInbound(MotCuaDbContext db, IOptions<NationalPortalOptions> options, TimeProvider time)
{
    /// <summary>The largest request the portal may send: an application with its files in base64.</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public sealed record Checked(string? Body, string? Refusal);

    public async Task<Checked> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string body;
        using (var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        var headers = request.Headers;
        var nonce = headers[NationalPortalProtocol.NonceHeader].ToString();
        if (NationalPortalProtocol.Refusal(o.ClientId!, o.Secret!, headers[NationalPortalProtocol.ClientHeader], headers[NationalPortalProtocol.TimestampHeader],
                nonce, headers[NationalPortalProtocol.SignatureHeader], body, now) is { } refused)
        {
            return new Checked(null, refused);
        }

        var seenAt = Instant.FromDateTimeOffset(now);
        await db.Set<InboundNonce>().Where(n => n.SeenAt < seenAt - Duration.FromTimeSpan(NationalPortalProtocol.NonceLifetime)).ExecuteDeleteAsync(cancellationToken);
        db.Add(new InboundNonce { Nonce = nonce, SeenAt = seenAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Checked(null, "Yêu cầu này đã được gửi trước đó.");
        }

        return new Checked(body, null);
    }
}
