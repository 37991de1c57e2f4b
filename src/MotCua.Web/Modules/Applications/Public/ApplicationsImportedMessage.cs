using System.Text.Json;
using MotCua.Web.Common.Outbox;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>
/// Contract "applications.imported.v1" (docs/outbox-contract.md): applications brought over from the province's former
/// system in one transaction, by code (the ids are given by the database only when that transaction saves). For the
/// statistics only: historical applications are never announced to their applicants.
/// </summary>
public sealed record ApplicationsImportedMessage(int Version, IReadOnlyList<string> Codes)
{
    public const string Type = "applications.imported.v1";

    public static ApplicationsImportedMessage Read(string payload) =>
        JsonSerializer.Deserialize<ApplicationsImportedMessage>(payload, OutboxJson.Options) ?? throw new JsonException("Empty import message.");
}
