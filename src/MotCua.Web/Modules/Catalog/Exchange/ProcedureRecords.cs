using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Exchange;

/// <summary>Turns a <see cref="ProcedureRecord"/> into a procedure and back, and says in Vietnamese what keeps one from being used.</summary>
internal static partial class ProcedureRecords
{
    public const int MaxNameLength = 600;
    public const int MaxFieldLength = 200;
    public const int MaxResultLength = 400;

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>The record of a procedure's current terms, units by code.</summary>
    public static ProcedureRecord From(Procedure p, IReadOnlyDictionary<int, string> unitCodes, DateOnly? effectiveFrom = null, int? version = null, string? note = null) => new(
        p.Code,
        p.Name,
        p.Field,
        p.LevelCode,
        p.Units.Select(u => unitCodes.TryGetValue(u.UnitId, out var code) ? code : u.UnitId.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList(),
        p.ApplicantTypes,
        p.LegalBasis,
        p.Documents.Select(d => new DocumentRecord(d.Name, d.Originals, d.Copies, d.Required, d.VaultAllowed, d.Note, d.FormReplaces)).ToList(),
        new TimeRecord(p.Processing.Value, p.Processing.Unit),
        p.Fees.Select(f => new FeeRecord(f.Name, f.Amount, f.OnlineAmount, f.Note, f.Kind)).ToList(),
        p.ResultType,
        p.OnlineLevel,
        p.NationalCode,
        p.HandledBy,
        p.ExternalUrl,
        p.Conditions,
        p.OnlineProcessing is { } online ? new TimeRecord(online.Value, online.Unit) : null,
        p.OnlineOnly,
        p.PostalAllowed,
        p.Form is { } form ? new FormRecord(Parse(form.SchemaJson), Parse(form.UiJson)) : null,
        p.Workflow.Select(s => new StepRecord(s.Name, s.Role, s.UnitCode, s.Share)).ToList(),
        effectiveFrom,
        version,
        note,
        p.PaymentDue,
        p.FeeExemptions.Select(e => new ExemptionRecord(e.Category, e.Percent, e.LegalBasis, e.AppliesTo)).ToList());

    /// <summary>A new procedure with the record's terms; the record must have passed <see cref="Problems"/>.</summary>
    public static Procedure Create(ProcedureRecord r, IReadOnlyDictionary<string, int> unitIds)
    {
        var procedure = new Procedure(r.Code, r.NationalCode, r.Name, r.Field, r.Level);
        Apply(procedure, r, unitIds);
        return procedure;
    }

    /// <summary>Gives the procedure the record's terms (its code stays).</summary>
    public static void Apply(Procedure procedure, ProcedureRecord r, IReadOnlyDictionary<string, int> unitIds)
    {
        procedure.Rename(r.NationalCode, r.Name, r.Field, r.Level);
        procedure.DescribeWho(r.Units.Select(code => unitIds[code]), r.HandledBy, r.ExternalUrl, r.ApplicantTypes);
        procedure.DescribeWhat(
            r.LegalBasis,
            r.Conditions,
            r.Documents.Select(d => new RequiredDocument(d.Name, d.Originals, d.Copies, d.Required, d.VaultAllowed, d.Note, d.FormReplaces)),
            r.ResultType);
        procedure.SetTimeAndFees(
            new ProcessingTime(r.Processing.Value, r.Processing.Unit),
            r.OnlineProcessing is { } online ? new ProcessingTime(online.Value, online.Unit) : null,
            r.Fees.Select(f => new Fee(f.Name, f.Amount, f.OnlineAmount, f.Note, f.Kind)));
        procedure.SetPaymentTerms(r.PaymentDue, (r.Exemptions ?? []).Select(e => new FeeExemption(e.Category, e.Percent, e.LegalBasis, e.AppliesTo)));
        procedure.OfferOnline(
            r.OnlineLevel,
            r.OnlineOnly,
            r.PostalAllowed,
            r.Form is { } form ? new FormDefinition(form.Schema.GetRawText(), form.Ui.GetRawText()) : null);
        procedure.DefineWorkflow((r.Workflow ?? []).Select(s => new WorkflowStep(s.Name, s.Role, s.Unit, s.Share)));
    }

    /// <summary>Why the record cannot be used, one message per problem, for people; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(ProcedureRecord r, IReadOnlySet<string> levels, IReadOnlySet<string> units)
    {
        var problems = new List<string>();
        void Text(string? value, int max, string what, bool required = true)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    problems.Add($"Thiếu {what}.");
                }
            }
            else if (TextRules.Problem(value, max) is { } problem)
            {
                problems.Add($"{Capital(what)}: {problem}");
            }
        }

        if (string.IsNullOrWhiteSpace(r.Code) || !CodePattern().IsMatch(r.Code))
        {
            problems.Add("Mã thủ tục phải có 1–32 ký tự gồm chữ không dấu, số, dấu chấm hoặc gạch ngang (ví dụ 1.001193).");
        }

        if (r.NationalCode is { } national && !CodePattern().IsMatch(national))
        {
            problems.Add("Mã thủ tục trên Cơ sở dữ liệu quốc gia không đúng dạng (ví dụ 1.001193).");
        }

        Text(r.Name, MaxNameLength, "tên thủ tục");
        Text(r.Field, MaxFieldLength, "lĩnh vực");
        Text(r.ResultType, MaxResultLength, "kết quả thực hiện");
        Text(r.Conditions, TextLimits.Note, "điều kiện thực hiện", required: false);
        Text(r.HandledBy, 400, "nơi thực hiện", required: false);
        if (r.ExternalUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url.Length <= 400))
        {
            problems.Add("Địa chỉ thực hiện bên ngoài phải là một địa chỉ https:// đầy đủ.");
        }

        if (!levels.Contains(r.Level ?? string.Empty))
        {
            problems.Add($"Cấp thực hiện \"{r.Level}\" không có trong cây đơn vị (có: {string.Join(", ", levels.Order(StringComparer.Ordinal))}).");
        }

        foreach (var unit in r.Units.Where(u => !units.Contains(u)).Distinct(StringComparer.Ordinal))
        {
            problems.Add($"Cơ quan thực hiện {unit} không có trong cây đơn vị.");
        }

        if (r.ApplicantTypes.Count == 0)
        {
            problems.Add("Thủ tục phải có ít nhất một đối tượng thực hiện (Citizen hoặc Business).");
        }

        foreach (var basis in r.LegalBasis)
        {
            Text(basis, TextLimits.LegalBasis, "căn cứ pháp lý");
        }

        for (var i = 0; i < r.Documents.Count; i++)
        {
            var d = r.Documents[i];
            Text(d.Name, TextLimits.DocumentName, $"tên giấy tờ thứ {i + 1}");
            Text(d.Note, TextLimits.Note, $"ghi chú của giấy tờ thứ {i + 1}", required: false);
            if (d.Originals < 0 || d.Copies < 0 || d.Originals > 50 || d.Copies > 50)
            {
                problems.Add($"Số bản chính, bản sao của giấy tờ thứ {i + 1} phải từ 0 đến 50.");
            }
        }

        for (var i = 0; i < r.Fees.Count; i++)
        {
            var f = r.Fees[i];
            Text(f.Name, 400, $"tên khoản phí, lệ phí thứ {i + 1}");
            Text(f.Note, TextLimits.Note, $"ghi chú của khoản phí thứ {i + 1}", required: false);
            if (f.Amount is < 0 or > Fee.MaxAmount || f.OnlineAmount is < 0 or > Fee.MaxAmount)
            {
                problems.Add($"Mức thu của khoản phí thứ {i + 1} phải từ 0 đến {Money.Vnd(Fee.MaxAmount)}.");
            }
            else if (f.OnlineAmount > f.Amount)
            {
                problems.Add($"Mức thu trực tuyến của khoản phí thứ {i + 1} không được cao hơn mức thu trực tiếp.");
            }
        }

        var exemptions = r.Exemptions ?? [];
        for (var i = 0; i < exemptions.Count; i++)
        {
            var e = exemptions[i];
            Text(e.Category, 400, $"đối tượng miễn, giảm thứ {i + 1}");
            Text(e.LegalBasis, TextLimits.LegalBasis, $"căn cứ miễn, giảm thứ {i + 1}", required: false);
            if (e.Percent is < 1 or > 100)
            {
                problems.Add($"Tỷ lệ miễn, giảm của đối tượng thứ {i + 1} phải từ 1% đến 100%.");
            }
        }

        TimeProblems(r.Processing, "Thời hạn giải quyết", problems);
        if (r.OnlineProcessing is { } onlineTime)
        {
            TimeProblems(onlineTime, "Thời hạn giải quyết trực tuyến", problems);
        }

        if (r.Form is { } form && FormProblem(form) is { } formProblem)
        {
            problems.Add(formProblem);
        }

        var steps = r.Workflow ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            Text(s.Name, 200, $"tên bước xử lý thứ {i + 1}");
            if (s.Share is <= 0 or > 1)
            {
                problems.Add($"Tỷ lệ thời gian của bước thứ {i + 1} phải lớn hơn 0 và không quá 1.");
            }

            if (s.Unit is { } stepUnit && !units.Contains(stepUnit))
            {
                problems.Add($"Bước xử lý thứ {i + 1} giao cho đơn vị {stepUnit} không có trong cây đơn vị.");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // The procedure's own rules (online level needs a form, shares add up, …) on a copy that is never saved.
        try
        {
            Create(r, units.Select((code, i) => (code, i + 1)).ToDictionary(x => x.code, x => x.Item2, StringComparer.Ordinal));
        }
        catch (CatalogRuleException e)
        {
            problems.Add(e.Message);
        }

        return problems;
    }

    private static void TimeProblems(TimeRecord time, string what, List<string> problems)
    {
        if (time.Value is <= 0 or > 3650)
        {
            problems.Add($"{what} phải lớn hơn 0 và không quá 3.650.");
        }
        else if (decimal.Round(time.Value, 2) != time.Value)
        {
            problems.Add($"{what} có tối đa hai chữ số thập phân.");
        }
    }

    private static string? FormProblem(FormRecord form)
    {
        if (form.Schema.ValueKind != JsonValueKind.Object
            || !form.Schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || form.Ui.ValueKind != JsonValueKind.Object)
        {
            return "Biểu mẫu điện tử phải có schema là một JSON Schema kiểu object với \"properties\", và ui là một đối tượng.";
        }

        return form.Schema.GetRawText().Length + form.Ui.GetRawText().Length > 200_000 ? "Biểu mẫu điện tử quá lớn (tối đa 200 KB)." : null;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Capital(string text) => char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
