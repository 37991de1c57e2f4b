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

    /// <summary>
    /// Every field answered. A field other fields depend on takes the value that shows them, so the sample reaches the
    /// fields a shown-when rule hides by default.
    /// </summary>
    public static JsonObject For(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var schema = JsonDocument.Parse(form.SchemaJson);
        var sample = new JsonObject();
        if (!schema.RootElement.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return sample;
        }

        var fields = FormFields.Read(form).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var showing = fields.Values.Where(f => f.ShownWhen is { Values.Count: > 0 })
            .GroupBy(f => f.ShownWhen!.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ShownWhen!.Values[0], StringComparer.Ordinal);
        foreach (var property in properties.EnumerateObject())
        {
            var field = fields.GetValueOrDefault(property.Name);
            if (Value(property.Value, field, showing.GetValueOrDefault(property.Name)) is { } value)
            {
                sample[property.Name] = value;
            }
        }

        return sample;
    }

    /// <summary>The sample as the portal would send it: without the answers to fields its rules leave hidden.</summary>
    public static JsonElement Filled(FormDefinition form) =>
        FormFields.WithoutHidden(FormFields.Read(form), JsonSerializer.SerializeToElement(For(form)));

    private static JsonNode? Value(JsonElement field, FormField? read, string? showing)
    {
        var type = field.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "string";
        if (field.TryGetProperty("enum", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            var shows = choices.EnumerateArray().FirstOrDefault(c => FormFields.AnswerText(c) == showing);
            return JsonNode.Parse((shows.ValueKind == JsonValueKind.Undefined ? choices[0] : shows).GetRawText());
        }

        if (type == "boolean")
        {
            return JsonValue.Create(showing != "false");
        }

        decimal? Number(string name) => field.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDecimal() : null;
        switch (type)
        {
            case "integer":
            case "number":
                var low = Number("minimum") ?? Number("exclusiveMinimum") + 1 ?? 1;
                var high = Number("maximum") ?? Number("exclusiveMaximum") - 1;
                var chosen = high is { } h && h < low ? h : low;
                return type == "integer" ? JsonValue.Create((long)decimal.Ceiling(chosen)) : JsonValue.Create(chosen);
            case "array":
            case "object":
                return null;
        }

        var format = field.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var max = field.TryGetProperty("maxLength", out var m) && m.TryGetInt32(out var maxLength) ? maxLength : int.MaxValue;
        string text = format switch
        {
            "date" when read?.DateLimit == FormWidgets.NotBeforeToday => "2090-01-15",
            "date" => "2020-01-15",
            _ when read?.IsAddress == true => "Số 1 đường Mẫu, xã Mẫu",
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
