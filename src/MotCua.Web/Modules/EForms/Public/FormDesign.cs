using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Modules.EForms.Public;

/// <summary>The kinds of question the e-form builder offers; each becomes a JSON Schema property and a layout hint.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Number,
    Date,
    Choice,
    YesNo,
    Identity,
    Phone,
    Email,
    Address,
}

/// <summary>One question as the province admin designs it.</summary>
/// <param name="Key">The answer's name in the filled form ("hoTenCha"); made from the label when left empty.</param>
/// <param name="MaxLength">Text: the longest answer; empty takes the kind's usual length.</param>
/// <param name="Pattern">Text: a regular expression every answer must match (a tax code, a plate number).</param>
/// <param name="DateLimit"><see cref="FormWidgets.NotAfterToday"/>, <see cref="FormWidgets.NotBeforeToday"/> or null.</param>
/// <param name="ShownWhenField">The key of an earlier choice or yes/no question this one depends on.</param>
/// <param name="ShownWhenValue">The answer of that question that shows this one ("true"/"false" for yes/no).</param>
public sealed record FieldDesign(
    string Key,
    string Label,
    string? Help,
    FieldKind Kind,
    bool Required,
    int? MaxLength = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    bool WholeNumber = true,
    IReadOnlyList<string>? Choices = null,
    string? Pattern = null,
    string? DateLimit = null,
    string? ShownWhenField = null,
    string? ShownWhenValue = null);

/// <summary>A problem of one question (its index in the design and the property at fault) or of the whole form (index -1).</summary>
public sealed record DesignProblem(int Index, string Property, string Message);

/// <summary>
/// The e-form builder's rules: a list of questions becomes the JSON Schema and layout hints the portal renders
/// (<see cref="ToDefinition"/>), an existing form reads back into questions (<see cref="From"/>), and a design is
/// checked before anyone sees it (<see cref="Problems"/>).
/// </summary>
public static partial class FormDesigns
{
    public const int MaxFields = 100;
    public const string IdentityPattern = "^[0-9]{12}$";
    public const string PhonePattern = "^0[0-9]{9}$";

    public static readonly IReadOnlyDictionary<FieldKind, string> KindNames = new Dictionary<FieldKind, string>
    {
        [FieldKind.Text] = "Chữ (một dòng)",
        [FieldKind.LongText] = "Đoạn văn (nhiều dòng)",
        [FieldKind.Number] = "Số",
        [FieldKind.Date] = "Ngày",
        [FieldKind.Choice] = "Chọn một trong danh sách",
        [FieldKind.YesNo] = "Có / Không",
        [FieldKind.Identity] = "Số định danh cá nhân (12 số)",
        [FieldKind.Phone] = "Số điện thoại",
        [FieldKind.Email] = "Thư điện tử",
        [FieldKind.Address] = "Địa chỉ (chọn xã, phường từ cây đơn vị)",
    };

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The questions of an existing form, in display order.</summary>
    public static List<FieldDesign> From(FormDefinition? form)
    {
        var fields = FormFields.Read(form);
        if (form is null || fields.Count == 0)
        {
            return [];
        }

        using var schema = JsonDocument.Parse(form.SchemaJson);
        var properties = schema.RootElement.GetProperty("properties");
        return fields.Select(f =>
        {
            var property = properties.GetProperty(f.Key);
            var pattern = property.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var kind = f switch
            {
                { Choices.Count: > 0 } => FieldKind.Choice,
                { Type: "boolean" } => FieldKind.YesNo,
                { Type: "integer" or "number" } => FieldKind.Number,
                { Format: "date" } => FieldKind.Date,
                { Format: "email" } => FieldKind.Email,
                { IsAddress: true } => FieldKind.Address,
                { Widget: FormWidgets.Textarea } => FieldKind.LongText,
                _ when pattern == IdentityPattern => FieldKind.Identity,
                _ when pattern == PhonePattern => FieldKind.Phone,
                _ => FieldKind.Text,
            };
            return new FieldDesign(
                f.Key, f.Label, f.Hint, kind, f.Required,
                kind is FieldKind.Text or FieldKind.LongText ? f.MaxLength : null,
                f.Minimum, f.Maximum, f.Type != "number",
                kind == FieldKind.Choice ? f.Choices : null,
                kind == FieldKind.Text ? pattern : null,
                f.DateLimit,
                f.ShownWhen?.Field,
                f.ShownWhen?.Values.FirstOrDefault());
        }).ToList();
    }

    /// <summary>A key for a label: its words without diacritics, joined in camel case ("Họ tên cha" → "hoTenCha").</summary>
    public static string KeyFor(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var folded = new StringBuilder();
        foreach (var c in label.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        var words = NotLetterOrDigit().Split(folded.ToString()).Where(w => w.Length > 0).Take(8).ToList();
        var key = string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
        key = key.Length > 0 && char.IsAsciiLetter(key[0]) ? key : "truong" + key;
        return key.Length > 50 ? key[..50] : key;
    }

    /// <summary>What keeps the design from becoming a form, in Vietnamese; empty when it can be previewed and published.</summary>
    public static List<DesignProblem> Problems(IReadOnlyList<FieldDesign> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var problems = new List<DesignProblem>();
        if (fields.Count == 0)
        {
            problems.Add(new(-1, string.Empty, "Biểu mẫu phải có ít nhất một trường."));
            return problems;
        }

        if (fields.Count > MaxFields)
        {
            problems.Add(new(-1, string.Empty, $"Biểu mẫu có tối đa {MaxFields} trường."));
            return problems;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var n = i + 1;
            void Add(string property, string message) => problems.Add(new(i, property, message));

            if (string.IsNullOrWhiteSpace(f.Label))
            {
                Add(nameof(f.Label), $"Nhập nhãn của trường {n}.");
            }
            else if (TextRules.Problem(f.Label, 200) is { } labelProblem)
            {
                Add(nameof(f.Label), $"Nhãn của trường {n}: {labelProblem}");
            }

            if (TextRules.Problem(f.Help, 500) is { } helpProblem)
            {
                Add(nameof(f.Help), $"Hướng dẫn của trường {n}: {helpProblem}");
            }

            if (!KeyShape().IsMatch(f.Key))
            {
                Add(nameof(f.Key), $"Mã của trường {n} gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ thường, tối đa 50 ký tự (ví dụ hoTenCha).");
            }
            else if (seen.TryGetValue(f.Key, out var first))
            {
                Add(nameof(f.Key), $"Mã “{f.Key}” của trường {n} trùng với trường {first + 1}; đặt mã khác.");
            }
            else
            {
                seen[f.Key] = i;
            }

            if (f.MaxLength is { } max && (max < 1 || max > TextLimits.FormValue))
            {
                Add(nameof(f.MaxLength), $"Độ dài tối đa của trường {n} là số từ 1 đến {TextLimits.FormValue.ToString("N0", Vietnamese)}.");
            }

            if (f.Kind == FieldKind.Number && f.Minimum is { } low && f.Maximum is { } high && low > high)
            {
                Add(nameof(f.Minimum), $"Giá trị nhỏ nhất của trường {n} lớn hơn giá trị lớn nhất.");
            }

            if (f.Kind == FieldKind.Choice)
            {
                var choices = f.Choices ?? [];
                if (choices.Count < 2)
                {
                    Add(nameof(f.Choices), $"Trường {n} là lựa chọn: ghi ít nhất hai lựa chọn, mỗi dòng một lựa chọn.");
                }
                else if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count)
                {
                    Add(nameof(f.Choices), $"Các lựa chọn của trường {n} bị trùng.");
                }
                else if (choices.Select(c => TextRules.Problem(c, 200)).FirstOrDefault(p => p is not null) is { } choiceProblem)
                {
                    Add(nameof(f.Choices), $"Một lựa chọn của trường {n}: {choiceProblem}");
                }
            }

            if (f.Pattern is { } pattern && PatternProblem(pattern) is { } patternProblem)
            {
                Add(nameof(f.Pattern), $"Mẫu kiểm tra của trường {n} {patternProblem}");
            }

            if (f.ShownWhenField is { } on)
            {
                var controllerIndex = fields.Take(i).ToList().FindIndex(c => c.Key == on);
                var controller = controllerIndex >= 0 ? fields[controllerIndex] : null;
                if (controller is null || controller.Kind is not (FieldKind.Choice or FieldKind.YesNo))
                {
                    Add(nameof(f.ShownWhenField), $"Trường {n} chỉ hiện theo một trường lựa chọn hoặc có/không đứng trước nó.");
                }
                else if (controller.Kind == FieldKind.YesNo ? f.ShownWhenValue is not ("true" or "false") : !(controller.Choices ?? []).Contains(f.ShownWhenValue ?? string.Empty, StringComparer.Ordinal))
                {
                    var allowed = controller.Kind == FieldKind.YesNo ? "“Có” hoặc “Không”" : string.Join(", ", (controller.Choices ?? []).Select(c => $"“{c}”"));
                    Add(nameof(f.ShownWhenValue), $"Trường {n} hiện khi “{controller.Label}” là: chọn một trong {allowed}.");
                }
            }
        }

        return problems;
    }

    /// <summary>The JSON Schema and layout hints of a design the portal renders and checks.</summary>
    public static FormDefinition ToDefinition(IReadOnlyList<FieldDesign> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var properties = new JsonObject();
        var widgets = new JsonObject();
        var shownWhen = new JsonObject();
        var dates = new JsonObject();
        foreach (var f in fields)
        {
            var property = new JsonObject { ["type"] = "string", ["title"] = f.Label.Trim() };
            if (Help(f) is { } help)
            {
                property["description"] = help;
            }

            switch (f.Kind)
            {
                case FieldKind.Text:
                    property["maxLength"] = f.MaxLength ?? 200;
                    if (!string.IsNullOrWhiteSpace(f.Pattern))
                    {
                        property["pattern"] = f.Pattern.Trim();
                    }

                    break;
                case FieldKind.LongText:
                    property["maxLength"] = f.MaxLength ?? 2000;
                    widgets[f.Key] = FormWidgets.Textarea;
                    break;
                case FieldKind.Number:
                    property["type"] = f.WholeNumber ? "integer" : "number";
                    if (f.Minimum is { } minimum)
                    {
                        property["minimum"] = minimum;
                    }

                    if (f.Maximum is { } maximum)
                    {
                        property["maximum"] = maximum;
                    }

                    break;
                case FieldKind.Date:
                    property["format"] = "date";
                    widgets[f.Key] = FormWidgets.Date;
                    if (f.DateLimit is { } limit)
                    {
                        dates[f.Key] = limit;
                    }

                    break;
                case FieldKind.Choice:
                    property["enum"] = new JsonArray((f.Choices ?? []).Select(c => (JsonNode)JsonValue.Create(c.Trim())!).ToArray());
                    widgets[f.Key] = (f.Choices ?? []).Count <= 4 ? FormWidgets.Radio : FormWidgets.Select;
                    break;
                case FieldKind.YesNo:
                    property["type"] = "boolean";
                    widgets[f.Key] = FormWidgets.Radio;
                    break;
                case FieldKind.Identity:
                    property["pattern"] = IdentityPattern;
                    property["maxLength"] = 12;
                    widgets[f.Key] = FormWidgets.Identity;
                    break;
                case FieldKind.Phone:
                    property["pattern"] = PhonePattern;
                    property["maxLength"] = 10;
                    widgets[f.Key] = FormWidgets.Tel;
                    break;
                case FieldKind.Email:
                    property["format"] = "email";
                    property["maxLength"] = 254; // RFC 5321
                    widgets[f.Key] = FormWidgets.Email;
                    break;
                case FieldKind.Address:
                    property["maxLength"] = TextLimits.Address;
                    widgets[f.Key] = FormWidgets.Address;
                    break;
            }

            properties[f.Key] = property;
            if (f.ShownWhenField is { } on && f.ShownWhenValue is { } value)
            {
                var controller = fields.First(c => c.Key == on);
                shownWhen[f.Key] = new JsonObject
                {
                    ["field"] = on,
                    ["in"] = new JsonArray(controller.Kind == FieldKind.YesNo ? JsonValue.Create(value == "true") : JsonValue.Create(value)),
                };
            }
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray(fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Key)!).ToArray()),
            ["properties"] = properties,
        };
        var ui = new JsonObject { ["order"] = new JsonArray(fields.Select(f => (JsonNode)JsonValue.Create(f.Key)!).ToArray()), ["widgets"] = widgets };
        if (shownWhen.Count > 0)
        {
            ui["shownWhen"] = shownWhen;
        }

        if (dates.Count > 0)
        {
            ui["dates"] = dates;
        }

        return new FormDefinition(schema.ToJsonString(), ui.ToJsonString());
    }

    /// <summary>The admin's help, or the usual one for identity numbers and phones so citizens know the shape expected.</summary>
    private static string? Help(FieldDesign f) => string.IsNullOrWhiteSpace(f.Help)
        ? f.Kind switch
        {
            FieldKind.Identity => "Gồm 12 chữ số, in trên thẻ căn cước.",
            FieldKind.Phone => "Số di động gồm 10 chữ số, bắt đầu bằng số 0.",
            _ => null,
        }
        : f.Help.Trim();

    private static string? PatternProblem(string pattern)
    {
        if (pattern.Length > 200)
        {
            return "dài quá 200 ký tự.";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
            return null;
        }
        catch (ArgumentException)
        {
            return "không phải một biểu thức chính quy hợp lệ (ví dụ ^[0-9]{10}$ cho 10 chữ số).";
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,49}$")]
    private static partial Regex KeyShape();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotLetterOrDigit();
}
