using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MotCua.Web.Modules.EForms.Public;

/// <summary>
/// A filled e-form as a careful citizen would fill it, made from the form's own schema: every field answered with a
/// plausible value within its limits. A form whose sample fails its own validation cannot be completed by anyone.
/// </summary>
public static class FormSamples
{
    // Values people type, tried in turn against a field's pattern (identity number, phone, tax code, year, …).
    private static readonly string[] Candidates =
        ["001090000001", "0912000001", "0109000001", "0109000001-001", "2026", "700000", "1234567890123", "mau@anbinh.gov.vn", "Nguyễn Văn Mẫu"];

    public static JsonObject For(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var schema = JsonDocument.Parse(form.SchemaJson);
        var sample = new JsonObject();
        if (!schema.RootElement.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return sample;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (Value(property.Value) is { } value)
            {
                sample[property.Name] = value;
            }
        }

        return sample;
    }

    private static JsonNode? Value(JsonElement field)
    {
        if (field.TryGetProperty("enum", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            return JsonNode.Parse(choices[0].GetRawText());
        }

        var type = field.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "string";
        decimal? Number(string name) => field.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDecimal() : null;
        switch (type)
        {
            case "integer":
            case "number":
                var low = Number("minimum") ?? Number("exclusiveMinimum") + 1 ?? 1;
                var high = Number("maximum") ?? Number("exclusiveMaximum") - 1;
                var chosen = high is { } h && h < low ? h : low;
                return type == "integer" ? JsonValue.Create((long)decimal.Ceiling(chosen)) : JsonValue.Create(chosen);
            case "boolean":
                return JsonValue.Create(true);
            case "array":
            case "object":
                return null;
        }

        var format = field.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var max = field.TryGetProperty("maxLength", out var m) && m.TryGetInt32(out var maxLength) ? maxLength : int.MaxValue;
        string text = format switch
        {
            "date" => "2020-01-15",
            "email" => "mau@anbinh.gov.vn",
            _ when field.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String => Matching(p.GetString()!) ?? "Mẫu",
            _ => "Nguyễn Văn Mẫu",
        };
        return JsonValue.Create(text.Length > max ? text[..Math.Max(1, max)] : text);
    }

    private static string? Matching(string pattern)
    {
        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            return Candidates.FirstOrDefault(regex.IsMatch);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
