using System.Text.Json;
using MotCua.Web.Common.Outbox;

namespace MotCua.Web.Modules.Identity.Public;

/// <summary>The two ways an account's own code travels: to its e-mail address or to its phone.</summary>
public static class CodeChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
}

/// <summary>
/// Contract "account.contact-code.v1" (docs/outbox-contract.md): a code that proves the account holder reads this e-mail
/// address or phone; sent there and nowhere else. <see cref="Channel"/> is "email" or "sms"; <see cref="To"/> the
/// address or number being confirmed.
/// </summary>
public sealed record ContactCodeMessage(int Version, Guid UserId, string Channel, string To, string Code, DateTimeOffset ExpiresAt)
{
    public const string Type = "account.contact-code.v1";

    public static ContactCodeMessage Read(string payload) =>
        JsonSerializer.Deserialize<ContactCodeMessage>(payload, OutboxJson.Options) ?? throw new JsonException("Empty contact-code message.");
}
