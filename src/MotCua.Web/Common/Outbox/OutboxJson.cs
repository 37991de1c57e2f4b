using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Web.Common.Outbox;

/// <summary>How every outbox payload is written: camelCase names, enums by name, Vietnamese letters as they are.</summary>
public static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
