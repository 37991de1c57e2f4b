using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Common.Web;

/// <summary>The API's JSON rules, the same for requests and responses.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // An enum is one of its names; 99 or -2147483648 is refused, never stored.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new CleanStringConverter());
    }

    /// <summary>A string with a control character, a noncharacter or a lone surrogate is a 400 naming the field, not a database error.</summary>
    private sealed class CleanStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException(ApiErrors.WrongTypeMessage);
            }

            string? value;
            try
            {
                value = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // Invalid UTF-8 inside the string.
                throw new JsonException(TextRules.UncleanMessage);
            }

            return TextRules.IsClean(value) ? value : throw new JsonException(TextRules.UncleanMessage);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
