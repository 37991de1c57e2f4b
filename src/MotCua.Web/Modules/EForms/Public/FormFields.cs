using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Web.Modules.EForms.Public;

/// <summary>One question of a procedure's e-form, read from its JSON Schema ("title", "description", "enum", …).</summary>
public sealed record FormField(
    string Key,
    string Label,
    string? Hint,
    bool Required,
    string Type,
    string? Format,
    IReadOnlyList<string> Choices,
    int? MaxLength,
    decimal? Minimum,
    decimal? Maximum,
    string? Widget,
    ShownWhen? ShownWhen = null,
    string? DateLimit = null,
    string? Pattern = null)
{
    /// <summary>The input's name and the key of its errors, as the submit handler reports them ("form.hoTenTre").</summary>
    public string Name => "form." + Key;

    public string Id => "form_" + Key;

    /// <summary>The place picked from the unit tree, for an address field (the input itself holds house and street).</summary>
    public string PlaceName => Name + ".noi";

    public bool IsAddress => Widget == FormWidgets.Address;

    public bool IsDate => Format == "date";

    /// <summary>The HTML input type for a plain input.</summary>
    public string InputType => (Type, Format, Widget) switch
    {
        // A date is typed as dd/mm/yyyy whatever the phone's language (a date picker follows the phone's locale).
        (_, "date", _) => "text",
        (_, "email", _) => "email",
        ("integer" or "number", _, _) => "number",
        (_, _, "tel") => "tel",
        _ => "text",
    };
}

/// <summary>The field is asked only when an earlier field's answer is one of <paramref name="Values"/> ("true" for yes).</summary>
public sealed record ShownWhen(string Field, IReadOnlyList<string> Values);

/// <summary>
/// Dates as people type them (20/11/2026, 20-11-2026, 20.11.2026, 2026-11-20) and as the schema keeps them (2026-11-20).
/// </summary>
public static class DateText
{
    private static readonly string[] Typed = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>The date as yyyy-MM-dd, or null when it is not a real date in one of the shapes people type.</summary>
    public static string? ToIso(string? typed) =>
        DateOnly.TryParseExact(typed?.Trim(), Typed, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>A stored yyyy-MM-dd shown as dd/MM/yyyy; anything else as it is.</summary>
    public static string FromIso(string stored) =>
        DateOnly.TryParseExact(stored, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : stored;
}

/// <summary>The layout hints ("ui") the portal reads beside the schema.</summary>
public static class FormWidgets
{
    public const string Radio = "radio";
    public const string Select = "select";
    public const string Date = "date";
    public const string Tel = "tel";
    public const string Email = "email";
    public const string Textarea = "textarea";
    public const string Identity = "identity";

    /// <summary>An address: a commune or ward picked from the unit tree, and the house and street typed.</summary>
    public const string Address = "address";

    /// <summary>A date that cannot be after today (a birth date) or before it (a planned event).</summary>
    public const string NotAfterToday = "notAfterToday";
    public const string NotBeforeToday = "notBeforeToday";
}

/// <summary>Reads an e-form's fields in display order, and turns posted text back into the JSON the schema expects.</summary>
public static class FormFields
{
    public static IReadOnlyList<FormField> Read(FormDefinition? form)
    {
        if (form is null)
        {
            return [];
        }

        using var schema = JsonDocument.Parse(form.SchemaJson);
        using var ui = JsonDocument.Parse(string.IsNullOrWhiteSpace(form.UiJson) ? "{}" : form.UiJson);
        var root = schema.RootElement;
        if (!root.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var required = root.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        var order = ui.RootElement.TryGetProperty("order", out var o) && o.ValueKind == JsonValueKind.Array
            ? o.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];
        var widgets = ui.RootElement.TryGetProperty("widgets", out var w) && w.ValueKind == JsonValueKind.Object ? w : default;
        var shownWhen = ui.RootElement.TryGetProperty("shownWhen", out var sw) && sw.ValueKind == JsonValueKind.Object ? sw : default;
        var dates = ui.RootElement.TryGetProperty("dates", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;

        var fields = properties.EnumerateObject().Select(p => new FormField(
            p.Name,
            Text(p.Value, "title") ?? p.Name,
            Text(p.Value, "description"),
            required.Contains(p.Name),
            Text(p.Value, "type") ?? "string",
            Text(p.Value, "format"),
            p.Value.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.ToString()).ToList() : [],
            p.Value.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var m) ? m : null,
            Number(p.Value, "minimum"),
            Number(p.Value, "maximum"),
            widgets.ValueKind == JsonValueKind.Object ? Text(widgets, p.Name) : null,
            shownWhen.ValueKind == JsonValueKind.Object && shownWhen.TryGetProperty(p.Name, out var rule) ? Rule(rule) : null,
            dates.ValueKind == JsonValueKind.Object ? Text(dates, p.Name) : null,
            Text(p.Value, "pattern"))).ToList();
        return fields.OrderBy(f => order.IndexOf(f.Key) is var i && i >= 0 ? i : int.MaxValue).ToList();
    }

    /// <summary>
    /// The posted answers as the JSON object the schema validates: empty answers are left out (so "required" speaks),
    /// numbers become numbers when they read as numbers (otherwise the schema says they must be numbers).
    /// </summary>
    public static JsonElement ToJson(IReadOnlyList<FormField> fields, Func<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(posted);
        var form = new JsonObject();
        foreach (var field in fields)
        {
            var value = posted(field.Name)?.Trim();
            if (field.IsAddress && posted(field.PlaceName)?.Trim() is { Length: > 0 } place)
            {
                value = string.IsNullOrEmpty(value) ? place : $"{value}, {place}";
            }
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            value = value.Normalize(System.Text.NormalizationForm.FormC);
            if (field.IsDate && DateText.ToIso(value) is { } iso)
            {
                value = iso;
            }

            form[field.Key] = field.Type switch
            {
                "integer" when long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                "number" when decimal.TryParse(value.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                "boolean" => JsonValue.Create(value is "true" or "on"),
                _ => JsonValue.Create(value),
            };
        }

        return JsonSerializer.SerializeToElement(form);
    }

    /// <summary>What was posted, by input name, to show again with the errors (an address keeps its picked place).</summary>
    public static Dictionary<string, string?> Posted(IReadOnlyList<FormField> fields, Func<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(posted);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            values[field.Name] = posted(field.Name);
            if (field.IsAddress)
            {
                values[field.PlaceName] = posted(field.PlaceName);
            }
        }

        return values;
    }

    /// <summary>
    /// Stored answers as the form's inputs hold them, to open a draft or a correction again: dates as yyyy-MM-dd, yes/no
    /// as "true"/"false", and an address split back into the place picked (one of <paramref name="places"/>) and the rest.
    /// </summary>
    public static Dictionary<string, string?> Values(IReadOnlyList<FormField> fields, string formJson, IReadOnlyList<string> places)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(places);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(formJson) ? "{}" : formJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var field in fields)
        {
            if (!document.RootElement.TryGetProperty(field.Key, out var answer) || answer.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var text = answer.ValueKind == JsonValueKind.Number
                ? answer.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : AnswerText(answer);
            if (field.IsDate)
            {
                text = DateText.FromIso(text);
            }

            if (field.IsAddress && places.FirstOrDefault(p => text == p || text.EndsWith(", " + p, StringComparison.Ordinal)) is { } place)
            {
                values[field.PlaceName] = place;
                text = text == place ? string.Empty : text[..^(place.Length + 2)];
            }

            values[field.Name] = text;
        }

        return values;
    }

    /// <summary>
    /// The keys of the fields asked, given the answers: a field with a shown-when rule is asked only when the field it
    /// depends on is asked and answered with one of the rule's values. Rules point to earlier fields.
    /// </summary>
    public static HashSet<string> Shown(IReadOnlyList<FormField> fields, JsonElement answers)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.ShownWhen is not { } rule
                || (shown.Contains(rule.Field) && answers.ValueKind == JsonValueKind.Object && answers.TryGetProperty(rule.Field, out var answer)
                    && rule.Values.Contains(AnswerText(answer), StringComparer.Ordinal)))
            {
                shown.Add(field.Key);
            }
        }

        return shown;
    }

    /// <summary>The answers without those to fields not asked (a hidden field's answer is not kept).</summary>
    public static JsonElement WithoutHidden(IReadOnlyList<FormField> fields, JsonElement answers)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (answers.ValueKind != JsonValueKind.Object || fields.All(f => f.ShownWhen is null))
        {
            return answers;
        }

        var shown = Shown(fields, answers);
        var hidden = fields.Where(f => !shown.Contains(f.Key)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var kept = new JsonObject();
        foreach (var property in answers.EnumerateObject().Where(p => !hidden.Contains(p.Name)))
        {
            kept[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return JsonSerializer.SerializeToElement(kept);
    }

    /// <summary>An answer as a shown-when rule compares it: booleans as "true"/"false", text as it is.</summary>
    public static string AnswerText(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => answer.GetString() ?? string.Empty,
        _ => answer.GetRawText(),
    };

    /// <summary>The answers of an application, labelled with the form's titles; answers the form no longer has come last.</summary>
    public static IReadOnlyList<(string Label, string Value)> Answers(IReadOnlyList<FormField> fields, string formJson)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(formJson) ? "{}" : formJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var values = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        var answers = new List<(string, string)>();
        foreach (var field in fields.Where(f => values.ContainsKey(f.Key)))
        {
            answers.Add((field.Label, Display(values[field.Key], field.Format)));
            values.Remove(field.Key);
        }

        answers.AddRange(values.Select(v => (v.Key, Display(v.Value, null))));
        return answers;
    }

    /// <summary>The answers to the form's own fields, in its order, each with its field (to link back to its input).</summary>
    public static IReadOnlyList<(FormField Field, string Value)> AnswersByField(IReadOnlyList<FormField> fields, string formJson)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(formJson) ? "{}" : formJson);
        return document.RootElement.ValueKind != JsonValueKind.Object ? []
            : fields.Where(f => document.RootElement.TryGetProperty(f.Key, out _))
                .Select(f => (f, Display(document.RootElement.GetProperty(f.Key), f.Format))).ToList();
    }

    private static string Display(JsonElement value, string? format) => value.ValueKind switch
    {
        JsonValueKind.String when format == "date" && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out var date) =>
            date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Null => string.Empty,
        _ => value.ToString(),
    };

    private static ShownWhen? Rule(JsonElement rule)
    {
        if (rule.ValueKind != JsonValueKind.Object || Text(rule, "field") is not { Length: > 0 } field
            || !rule.TryGetProperty("in", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return new ShownWhen(field, values.EnumerateArray().Select(AnswerText).ToList());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetDecimal(out var d) ? d : null;

    /// <summary>Answers we already know from the applicant's account, by the usual key names of provincial e-forms.</summary>
    public static Dictionary<string, string?> Prefill(IReadOnlyList<FormField> fields, string? fullName, string? identityNumber, string? phone, string? email, string? address)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in fields)
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
                values[field.Name] = value;
            }
        }

        return values;
    }

    /// <summary>
    /// What the population database says of a verified applicant who is a parent, put where a birth or civil-status
    /// form asks for the mother or the father ("hoTenMe", "soDinhDanhMe", or "…Cha") and who registers ("quanHeVoiTre"),
    /// leaving alone what is already filled.
    /// </summary>
    public static void PrefillParent(IReadOnlyList<FormField> fields, Dictionary<string, string?> values, bool mother, string fullName, string identityNumber)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(values);
        var parent = mother ? "me" : "cha";
        var relation = mother ? "Mẹ" : "Cha";
        foreach (var field in fields.Where(f => !values.ContainsKey(f.Name)))
        {
            var key = field.Key.ToLowerInvariant();
            var value = key == "hoten" + parent ? fullName
                : key == "sodinhdanh" + parent ? identityNumber
                : key == "quanhevoitre" && field.Choices.Contains(relation, StringComparer.Ordinal) ? relation
                : null;
            if (value is not null)
            {
                values[field.Name] = value;
            }
        }
    }
}
