using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Web.Modules.Applications.Forms;

/// <summary>One question of an e-form, read from the procedure's JSON Schema (title = label, description = help) and UI hints.</summary>
public sealed record EFormField(string Key, string Label, string? Help, bool Required, string Widget, IReadOnlyList<string> Choices, int? MaxLength, string? Pattern);

/// <summary>The e-form of a procedure as pages render it, and the posted answers turned back into the JSON the API takes.</summary>
public sealed class EForm
{
    private EForm(IReadOnlyList<EFormField> fields) => Fields = fields;

    public IReadOnlyList<EFormField> Fields { get; }

    public static EForm For(FormDefinition? definition)
    {
        if (definition is null)
        {
            return new EForm([]);
        }

        using var schema = JsonDocument.Parse(definition.SchemaJson);
        using var ui = JsonDocument.Parse(definition.UiJson);
        var root = schema.RootElement;
        var required = root.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        var widgets = ui.RootElement.TryGetProperty("widgets", out var w) && w.ValueKind == JsonValueKind.Object
            ? w.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "text")
            : [];
        var order = ui.RootElement.TryGetProperty("order", out var o) ? o.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        if (!root.TryGetProperty("properties", out var properties))
        {
            return new EForm([]);
        }

        var fields = properties.EnumerateObject().Select(p =>
        {
            var v = p.Value;
            var choices = v.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(x => x.ToString()).ToList() : [];
            var widget = widgets.GetValueOrDefault(p.Name)
                ?? (choices.Count > 0 ? "select" : v.TryGetProperty("format", out var f) && f.GetString() == "date" ? "date"
                    : v.TryGetProperty("format", out var f2) && f2.GetString() == "email" ? "email" : "text");
            return new EFormField(
                p.Name,
                v.TryGetProperty("title", out var t) ? t.GetString() ?? p.Name : p.Name,
                v.TryGetProperty("description", out var d) ? d.GetString() : null,
                required.Contains(p.Name),
                widget,
                choices,
                v.TryGetProperty("maxLength", out var m) && m.TryGetInt32(out var max) ? max : null,
                v.TryGetProperty("pattern", out var pat) ? pat.GetString() : null);
        }).OrderBy(f => order.IndexOf(f.Key) is var i && i >= 0 ? i : int.MaxValue).ToList();
        return new EForm(fields);
    }

    /// <summary>The posted answers as a JSON object: only the form's own keys, empty answers left out.</summary>
    public JsonElement ToJson(Func<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var json = new JsonObject();
        foreach (var field in Fields)
        {
            var value = posted($"form.{field.Key}")?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                json[field.Key] = value.Normalize(System.Text.NormalizationForm.FormC);
            }
        }

        return JsonDocument.Parse(json.ToJsonString()).RootElement.Clone();
    }

    /// <summary>Answers we already know from the applicant's account, by the usual key names of provincial e-forms.</summary>
    public Dictionary<string, string> Prefill(string? fullName, string? identityNumber, string? phone, string? email, string? address)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var key = field.Key.ToLowerInvariant();
            var value = key switch
            {
                _ when key.StartsWith("hoten", StringComparison.Ordinal) && (key.Contains("yeucau", StringComparison.Ordinal) || key.Contains("nguoinop", StringComparison.Ordinal) || key == "hoten") => fullName,
                _ when key.StartsWith("sodinhdanh", StringComparison.Ordinal) && (key.Contains("yeucau", StringComparison.Ordinal) || key.Contains("nguoinop", StringComparison.Ordinal) || key == "sodinhdanh") => identityNumber,
                _ when key.StartsWith("sodienthoai", StringComparison.Ordinal) => phone,
                _ when key == "email" || key.StartsWith("thudientu", StringComparison.Ordinal) => email,
                _ when key.StartsWith("diachi", StringComparison.Ordinal) && (key.Contains("yeucau", StringComparison.Ordinal) || key.Contains("nguoinop", StringComparison.Ordinal) || key == "diachi" || key.Contains("liente", StringComparison.Ordinal)) => address,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[field.Key] = value;
            }
        }

        return values;
    }
}
