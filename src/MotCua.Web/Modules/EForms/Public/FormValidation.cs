using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MotCua.Web.Common.Text;
using NJsonSchema;
using NJsonSchema.Validation;
using NodaTime;

namespace MotCua.Web.Modules.EForms.Public;

/// <summary>
/// Checks an e-form against its procedure's JSON Schema and layout hints and says what is wrong in Vietnamese, field by
/// field. A field its shown-when rule hides is not asked, so it is not required; a date limited to the past or the
/// future is checked against today in Vietnam.
/// </summary>
public sealed class FormValidation(IClock clock)
{
    private const string AnyObject = """{"type":"object"}""";
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<FormDefinition, IReadOnlyList<FormField>> _fields = new();

    public const int MaxFormBytes = 64 * 1024;

    /// <summary>Field name ("form.key") → message; empty when the answers are valid. No form: any object is valid.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(FormDefinition? form, JsonElement answers)
    {
        var fields = form is null ? [] : FieldsOf(form);
        var errors = await ValidateAsync(form?.SchemaJson ?? AnyObject, answers, fields);
        if (form is null || answers.ValueKind != JsonValueKind.Object)
        {
            return errors;
        }

        if (fields.All(f => f.ShownWhen is null && f.DateLimit is null))
        {
            return errors;
        }

        var shown = FormFields.Shown(fields, answers);
        var kept = errors.Where(e => fields.All(f => f.Name != e.Key) || shown.Contains(e.Key["form.".Length..]))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var today = VietnameseDates.Today(clock);
        foreach (var field in fields.Where(f => f.DateLimit is not null && shown.Contains(f.Key) && !kept.ContainsKey(f.Name)))
        {
            if (answers.TryGetProperty(field.Key, out var answer) && answer.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(answer.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                if (field.DateLimit == FormWidgets.NotAfterToday && date > today)
                {
                    kept[field.Name] = $"{field.Label} không thể sau ngày hôm nay ({today:dd/MM/yyyy}).";
                }
                else if (field.DateLimit == FormWidgets.NotBeforeToday && date < today)
                {
                    kept[field.Name] = $"{field.Label} không thể trước ngày hôm nay ({today:dd/MM/yyyy}).";
                }
            }
        }

        return kept;
    }

    /// <summary>The form's fields, read once per form the catalog holds.</summary>
    public IReadOnlyList<FormField> FieldsOf(FormDefinition form) => _fields.GetValue(form, FormFields.Read);

    /// <summary>Field name → message against the schema alone; empty when the form is valid.</summary>
    private async Task<IReadOnlyDictionary<string, string>> ValidateAsync(string schemaJson, JsonElement form, IReadOnlyList<FormField> fields)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, string> { ["form"] = "Tờ khai phải là một đối tượng JSON gồm các trường của biểu mẫu." };
        }

        if (TextProblem(form, "form") is { } textProblem)
        {
            return new Dictionary<string, string> { [textProblem.Field] = textProblem.Message };
        }

        var raw = form.GetRawText();
        if (raw.Length > MaxFormBytes)
        {
            return new Dictionary<string, string> { ["form"] = "Tờ khai quá dài (tối đa 64 KB)." };
        }

        var schema = await _schemas.GetOrAdd(schemaJson, json => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromJsonAsync(json))).Value;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ICollection<ValidationError> found;
        try
        {
            found = schema.Validate(raw);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or ArgumentException)
        {
            // A number beyond what the schema reader takes (9223372036854775808) and the like.
            return new Dictionary<string, string> { ["form"] = "Tờ khai có giá trị không đọc được (ví dụ một số quá lớn). Kiểm tra lại các trường số." };
        }

        foreach (var error in Flatten(found))
        {
            var field = error.Property ?? error.Path?.TrimStart('#', '/').Split('/', '.').LastOrDefault() ?? "form";
            if (string.IsNullOrEmpty(field))
            {
                field = "form";
            }

            errors.TryAdd($"form.{field}", Message(error, Title(schema, field), fields.FirstOrDefault(f => f.Key == field)));
        }

        return errors;
    }

    /// <summary>The first answer that is too long or carries characters no one types (NUL, U+FFFE, a lone surrogate).</summary>
    private static (string Field, string Message)? TextProblem(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var field = path + "." + property.Name;
                    if (!TextRules.IsClean(property.Name))
                    {
                        return ("form", TextRules.UncleanMessage);
                    }

                    if (TextProblem(property.Value, field) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (TextProblem(item, path) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                string? value;
                try
                {
                    value = element.GetString();
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    return (path, TextRules.UncleanMessage);
                }

                return TextRules.Problem(value, TextLimits.FormValue) is { } message ? (path, message) : null;
            default:
                return null;
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? child.Errors.SelectMany(c => Flatten(c.Value)).Prepend(e) : [e])
            .Where(e => e is not ChildSchemaValidationError);

    private static string Title(JsonSchema schema, string field) =>
        schema.Properties.TryGetValue(field, out var property) && !string.IsNullOrWhiteSpace(property.Title) ? property.Title : field;

    /// <summary>The message in the field's own words, saying what is expected ("Nhập số định danh … gồm 12 chữ số", "Chọn giới tính").</summary>
    private static string Message(ValidationError error, string title, FormField? field) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired when field is { Choices.Count: > 0 } or { Type: "boolean" } => $"Chọn {Lower(title)}.",
        ValidationErrorKind.PropertyRequired when Shape(field) is { } shape => $"Nhập {Lower(title)} {shape}.",
        ValidationErrorKind.PropertyRequired when field?.Format == "date" => $"Nhập {Lower(title)} (ngày/tháng/năm).",
        ValidationErrorKind.PropertyRequired => $"Nhập {Lower(title)}.",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"Trường “{error.Property}” không có trong biểu mẫu.",
        ValidationErrorKind.PatternMismatch when Shape(field) is { } shape => $"{title} {shape}.",
        ValidationErrorKind.PatternMismatch => $"{title} không đúng định dạng.",
        ValidationErrorKind.StringTooLong => $"{title} dài quá mức cho phép.",
        ValidationErrorKind.StringTooShort => $"{title} quá ngắn.",
        ValidationErrorKind.NotInEnumeration => $"Chọn {Lower(title)} trong danh sách.",
        ValidationErrorKind.DateExpected or ValidationErrorKind.DateTimeExpected => $"{title} phải là ngày có thật, nhập theo dạng ngày/tháng/năm, ví dụ 20/11/2026.",
        ValidationErrorKind.EmailExpected => $"{title} phải là địa chỉ thư điện tử hợp lệ.",
        ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => $"{title} nằm ngoài giới hạn cho phép.",
        ValidationErrorKind.StringExpected => $"{title} phải là chữ.",
        ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected => $"{title} phải là số.",
        ValidationErrorKind.BooleanExpected => $"{title} phải là có hoặc không.",
        _ => $"{title} không hợp lệ.",
    };

    /// <summary>The shape of the common numbers people type, said in words; null for other fields.</summary>
    private static string? Shape(FormField? field) => field switch
    {
        { Pattern: FormDesigns.IdentityPattern } or { Widget: FormWidgets.Identity } => "gồm 12 chữ số",
        { Pattern: FormDesigns.PhonePattern } => "gồm 10 chữ số, bắt đầu bằng số 0",
        _ => null,
    };

    private static string Lower(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLower(title[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + title[1..] : title;
}
