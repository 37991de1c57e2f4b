using System.Text.Json;
using MotCua.Web.Common.Outbox;

namespace MotCua.Web.Modules.Identity.Public;

/// <summary>
/// Contract "account.reset-code.v1": a code to send to an account's own address (docs/outbox-contract.md), by e-mail
/// (<see cref="Email"/>) or, when <see cref="Channel"/> is "sms", to the account's confirmed <see cref="Phone"/>.
/// </summary>
public sealed record ResetCodeMessage(int Version, Guid UserId, string? Email, string Code, DateTimeOffset ExpiresAt, string Channel = CodeChannels.Email, string? Phone = null)
{
    public const string Type = "account.reset-code.v1";

    public static ResetCodeMessage Read(string payload) =>
        JsonSerializer.Deserialize<ResetCodeMessage>(payload, OutboxJson.Options) ?? throw new JsonException("Empty reset-code message.");
}
