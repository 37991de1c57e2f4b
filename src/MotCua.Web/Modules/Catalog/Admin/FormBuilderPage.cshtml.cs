using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Common.Localization;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Catalog.Versions;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/danh-muc/{code}/bieu-mau": the e-form builder. The admin lists the questions (label, help, kind, required,
/// limits, shown-when rule) and sees the form as citizens will, updated as they type (the preview is the portal's own
/// renderer, fetched from the server). Publishing checks the design, then fills a sample form and refuses a form that
/// rejects its own sample; a published form is a new version of the procedure from a date, like any catalog edit.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class FormBuilderPageModel(CatalogVersions versions, CatalogImport import, AccountDirectory accounts, FormValidation validation) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public sealed class FieldInput
    {
        public string? Label { get; set; }
        public string? Key { get; set; }
        public string? Help { get; set; }
        public FieldKind Kind { get; set; }
        public bool Required { get; set; }
        public string? MaxLength { get; set; }
        public string? Minimum { get; set; }
        public string? Maximum { get; set; }
        public bool Decimals { get; set; }
        public string? Choices { get; set; }
        public string? Pattern { get; set; }
        public string? DateLimit { get; set; }
        public string? ShownWhenField { get; set; }
        public string? ShownWhenValue { get; set; }
        public string? Position { get; set; }
    }

    private Latest? _latest;

    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public bool HasForm { get; private set; }
    public DateOnly Today => versions.Today;

    /// <summary>The form as the portal renders it, when the design has no problem.</summary>
    public EFormView? Preview { get; private set; }

    [BindProperty] public List<FieldInput> Fields { get; set; } = [];
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Fields = FormDesigns.From(current).Select(Input).ToList();
        EffectiveFrom = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Build(showErrors: false);
        return Page();
    }

    /// <summary>"Xem trước": the design checked and shown, nothing saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is null)
        {
            return NotFound();
        }

        Build(showErrors: true);
        return Page();
    }

    /// <summary>"Bắt đầu lại": an empty design to build the form anew (the published form stays until a new one is published).</summary>
    public async Task<IActionResult> OnPostBlankAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is null)
        {
            return NotFound();
        }

        Fields = [];
        EffectiveFrom = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Build(showErrors: false);
        return Page();
    }

    /// <summary>The preview alone, for the page's script to refresh as the admin types.</summary>
    public async Task<IActionResult> OnPostLiveAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is null)
        {
            return NotFound();
        }

        Build(showErrors: true);
        return Partial("/Modules/Catalog/Admin/_FormPreview.cshtml", this);
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is null)
        {
            return NotFound();
        }

        var design = Build(showErrors: true);
        DateOnly? effective = null;
        if (!DateOnly.TryParseExact(EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date < Today)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "Nhập ngày áp dụng từ hôm nay trở đi.");
        }
        else
        {
            effective = date;
        }

        if (!ModelState.IsValid || design is null)
        {
            return Page();
        }

        // A form that turns down a correctly filled sample of itself cannot be completed by anyone.
        var form = FormDesigns.ToDefinition(design);
        var sampleErrors = await validation.ValidateAsync(form, FormSamples.Filled(form));
        if (sampleErrors.Count > 0)
        {
            foreach (var (field, message) in sampleErrors)
            {
                var index = design.FindIndex(f => "form." + f.Key == field);
                ModelState.AddModelError(index >= 0 ? $"Fields[{index}].Label" : string.Empty, $"Chưa xuất bản được: tờ khai mẫu điền đúng không qua được kiểm tra của chính biểu mẫu — {message}");
            }

            return Page();
        }

        var record = _latest!.Record with
        {
            Form = new FormRecord(Parse(form.SchemaJson), Parse(form.UiJson)),
            EffectiveFrom = effective,
            ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim(),
        };
        var (saved, problem) = await import.SaveEditAsync(record, accounts.UserId(User), User.Identity?.Name ?? "?", "Biểu mẫu không thay đổi so với phiên bản hiện tại.", cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        return Redirect($"{CatalogAdminPageModel.Path}/{Uri.EscapeDataString(code)}?luu={saved:dd/MM/yyyy}");
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public bool RowHasError(int index) =>
        ModelState.Any(e => e.Key.StartsWith($"Fields[{index}].", StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    /// <summary>One line for a folded row: "3. Giới tính — Chọn một trong danh sách, bắt buộc, hiện khi …".</summary>
    public IHtmlContent Summary(FieldInput f, int index, IStringLocalizer<Texts> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var summary = new HtmlContentBuilder().Append(string.Create(CultureInfo.InvariantCulture, $"{index + 1}. "));
        Term(summary, f.Label).Append(" — ").Append(texts[FormDesigns.KindNames[f.Kind]]);
        if (f.Required)
        {
            summary.Append(", ").Append(texts["Bắt buộc"].Value.ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(f.ShownWhenField))
        {
            var on = Controllers().FirstOrDefault(c => c.Key == f.ShownWhenField).Label ?? f.ShownWhenField;
            summary.Append(", ");
            if (Texts.IsEnglish)
            {
                summary.AppendHtml(texts.Html("hiện khi “{0}” là “{1}”", texts.Term(on), texts.Term(f.ShownWhenValue)));
            }
            else
            {
                summary.Append($"hiện khi “{on}” là “{f.ShownWhenValue}”");
            }
        }

        return summary;

        IHtmlContentBuilder Term(IHtmlContentBuilder to, string? word) => Texts.IsEnglish ? to.AppendHtml(texts.Term(word)) : to.Append(word ?? string.Empty);
    }

    /// <summary>The questions other questions can depend on: the choices and yes/no questions with a key.</summary>
    public IEnumerable<(string Key, string Label)> Controllers() =>
        Fields.Where(f => f.Kind is FieldKind.Choice or FieldKind.YesNo && !string.IsNullOrWhiteSpace(f.Label))
            .Select(f => (Key(f), f.Label!.Trim()));

    /// <summary>
    /// Reads the rows into a design (blank rows dropped), puts its problems on the rows, and renders the preview when
    /// there are none. Null when the design has problems.
    /// </summary>
    private List<FieldDesign>? Build(bool showErrors)
    {
        Fields = Fields.Where(f => !string.IsNullOrWhiteSpace(f.Label) || !string.IsNullOrWhiteSpace(f.Key) || !string.IsNullOrWhiteSpace(f.Choices))
            .Select((f, i) => (Field: f, Order: int.TryParse(f.Position, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : i + 1, Index: i))
            .OrderBy(x => x.Order).ThenBy(x => x.Index)
            .Select((x, i) => { x.Field.Position = (i + 1).ToString(CultureInfo.InvariantCulture); return x.Field; })
            .ToList();
        var design = new List<FieldDesign>();
        for (var i = 0; i < Fields.Count; i++)
        {
            var f = Fields[i];
            var p = $"Fields[{i}]";
            int? maxLength = null;
            if (!string.IsNullOrWhiteSpace(f.MaxLength))
            {
                if (int.TryParse(f.MaxLength.Trim().Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                {
                    maxLength = m;
                }
                else if (showErrors)
                {
                    ModelState.AddModelError($"{p}.MaxLength", $"Độ dài tối đa của trường {i + 1} là một số nguyên, ví dụ 100.");
                }
            }

            var minimum = Number(f.Minimum, $"{p}.Minimum", $"Giá trị nhỏ nhất của trường {i + 1}", showErrors);
            var maximum = Number(f.Maximum, $"{p}.Maximum", $"Giá trị lớn nhất của trường {i + 1}", showErrors);
            var choices = (f.Choices ?? string.Empty).Split('\n').Select(c => c.Trim().Normalize(System.Text.NormalizationForm.FormC)).Where(c => c.Length > 0).ToList();
            var shownWhen = string.IsNullOrWhiteSpace(f.ShownWhenField) ? null : f.ShownWhenField.Trim();
            var controller = shownWhen is null ? null : Fields.Take(i).FirstOrDefault(c => Key(c) == shownWhen);
            design.Add(new FieldDesign(
                Key(f),
                f.Label?.Trim().Normalize(System.Text.NormalizationForm.FormC) ?? string.Empty,
                string.IsNullOrWhiteSpace(f.Help) ? null : f.Help.Trim().Normalize(System.Text.NormalizationForm.FormC),
                f.Kind,
                f.Required,
                f.Kind is FieldKind.Text or FieldKind.LongText ? maxLength : null,
                f.Kind == FieldKind.Number ? minimum : null,
                f.Kind == FieldKind.Number ? maximum : null,
                !f.Decimals,
                f.Kind == FieldKind.Choice ? choices : null,
                f.Kind == FieldKind.Text && !string.IsNullOrWhiteSpace(f.Pattern) ? f.Pattern.Trim() : null,
                f.Kind == FieldKind.Date && f.DateLimit is FormWidgets.NotAfterToday or FormWidgets.NotBeforeToday ? f.DateLimit : null,
                shownWhen,
                shownWhen is null ? null : Answer(controller, f.ShownWhenValue)));
        }

        var problems = FormDesigns.Problems(design);
        if (showErrors)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Index < 0 ? string.Empty : $"Fields[{problem.Index}].{problem.Property}", problem.Message);
            }
        }

        if (problems.Count > 0 || !ModelState.IsValid)
        {
            return null;
        }

        var form = FormDesigns.ToDefinition(design);
        var fields = FormFields.Read(form);
        Preview = new EFormView(fields, FormFields.Prefill(fields, null, null, null, null, null), new Dictionary<string, string>());
        return design;
    }

    /// <summary>The answer a rule names, as the form stores it: yes/no as "true"/"false", a choice as it is written.</summary>
    private static string? Answer(FieldInput? controller, string? typed)
    {
        var value = typed?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (controller?.Kind == FieldKind.YesNo)
        {
            return value?.ToLower(Vietnamese) switch { "có" or "true" => "true", "không" or "false" => "false", _ => value };
        }

        return (controller?.Choices ?? string.Empty).Split('\n').Select(c => c.Trim().Normalize(System.Text.NormalizationForm.FormC))
            .FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? value;
    }

    private decimal? Number(string? text, string key, string what, bool showErrors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (showErrors)
        {
            ModelState.AddModelError(key, $"{what} là một số, ví dụ 0 hoặc 2,5.");
        }

        return null;
    }

    private static string Key(FieldInput f) => string.IsNullOrWhiteSpace(f.Key) ? FormDesigns.KeyFor(f.Label ?? string.Empty) : f.Key.Trim();

    private static FieldInput Input(FieldDesign f) => new()
    {
        Label = f.Label,
        Key = f.Key,
        Help = f.Help,
        Kind = f.Kind,
        Required = f.Required,
        MaxLength = f.MaxLength?.ToString(CultureInfo.InvariantCulture),
        Minimum = f.Minimum?.ToString(Vietnamese),
        Maximum = f.Maximum?.ToString(Vietnamese),
        Decimals = !f.WholeNumber,
        Choices = f.Choices is null ? null : string.Join('\n', f.Choices),
        Pattern = f.Pattern,
        DateLimit = f.DateLimit,
        ShownWhenField = f.ShownWhenField,
        ShownWhenValue = f.ShownWhenValue switch { "true" => "Có", "false" => "Không", var v => v },
    };

    /// <summary>The procedure's current form (null when it has none yet); null result when the procedure does not exist.</summary>
    private async Task<FormDefinition?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await versions.StartingPointAsync(code, cancellationToken) is not { } start)
        {
            return null;
        }

        (Code, Name, _latest) = (code, start.Name, start.Latest);
        var form = start.Latest.Record.Form;
        HasForm = form is not null;
        return form is null ? new FormDefinition("""{"type":"object","properties":{}}""", "{}") : new FormDefinition(form.Schema.GetRawText(), form.Ui.GetRawText());
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
