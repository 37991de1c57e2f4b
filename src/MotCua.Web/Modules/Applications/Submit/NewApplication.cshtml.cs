using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Catalog.Public;

using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Applications.Pages;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>
/// Reception keys in a paper application brought to the desk (Counter) or sent by post (Postal): first the procedure,
/// then the unit, the applicant and the e-form rendered from the procedure's JSON Schema. Submitted through
/// <see cref="SubmitHandler"/>, the same handler as the API, with an idempotency key so a double click makes one file.
/// </summary>
public sealed class NewApplicationModel(CatalogDirectory catalog, ApplicationAccess access, SubmitHandler submit) : OfficerPageModel(access)
{
    public sealed class ApplicantFields
    {
        public string? Name { get; set; }
        public string? IdentityNumber { get; set; }
        public string? Phone { get; set; }
        public string? Address { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty(Name = "applicant")] public ApplicantFields Applicant { get; set; } = new();
    [BindProperty] public string? Key { get; set; }

    public IReadOnlyList<ProcedureTerms> Procedures { get; private set; } = [];
    public ProcedureTerms? Chosen { get; private set; }
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public IReadOnlyList<FormField> Fields { get; private set; } = [];

    /// <summary>What was typed in the e-form, to show again after a refusal.</summary>
    public IReadOnlyDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!IsReception)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(cancellationToken);
        if (Procedure is not null && Chosen is null)
        {
            ModelState.AddModelError("procedure", "Chọn một thủ tục đơn vị bạn tiếp nhận.");
        }

        Key = Guid.NewGuid().ToString("N");
        Channel = Public.Channel.Counter.ToString();
        UnitId = Units.Count == 1 ? Units[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!IsReception)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(cancellationToken);
        Posted = FormFields.Posted(Fields, name => Request.Form[name].ToString());
        if (Chosen is null)
        {
            ModelState.AddModelError("procedure", "Chọn một thủ tục đơn vị bạn tiếp nhận.");
            return Page();
        }

        Public.Channel? channel = Common.Text.EnumNames.TryParse<Public.Channel>(Channel, out var c) && c is Public.Channel.Counter or Public.Channel.Postal ? c : null;
        if (channel is null)
        {
            ModelState.AddModelError("channel", "Chọn hình thức nộp: trực tiếp hoặc bưu chính.");
            return Page();
        }

        var request = new SubmitRequest(
            Chosen.Code,
            UnitId,
            FormFields.ToJson(Fields, name => Request.Form[name].ToString()),
            channel,
            Applicant: new ApplicantInput(Clean(Applicant.Name), Clean(Applicant.IdentityNumber), Clean(Applicant.Phone), null, Clean(Applicant.Address)));
        var outcome = await submit.SubmitAsync(User, request, string.IsNullOrWhiteSpace(Key) || Key.Length > SubmitHandler.MaxKeyLength ? null : Key, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            Show(failure);
            return Page();
        }

        var application = outcome.Value!.Application;
        var code = application.Code;
        Banner = application.MissingDocuments
            ? $"Đã nhập hồ sơ {code}. Đính kèm bản quét các giấy tờ rồi tiếp nhận hồ sơ."
            : $"Đã nhập hồ sơ {code}. Kiểm tra lại rồi tiếp nhận hồ sơ.";
        return Redirect("/can-bo/ho-so/" + Uri.EscapeDataString(code));
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The e-form's errors, by input name, for the shared e-form partial.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors => Fields
        .Select(f => (f.Name, Error: ErrorFor(f.Name)))
        .Where(e => e.Error is not null)
        .ToDictionary(e => e.Name, e => e.Error!, StringComparer.Ordinal);

    /// <summary>Each field's message beside the input this page has for it; the rest on top.</summary>
    private void Show(Failure failure)
    {
        foreach (var (key, message) in failure.Fields)
        {
            var field = key switch
            {
                "procedureCode" => "procedure",
                _ when key.StartsWith("form.", StringComparison.Ordinal) && Fields.Any(f => f.Name == key) => key,
                "unitId" or "channel" or "applicant.name" or "applicant.identityNumber" or "applicant.phone" => key,
                _ => string.Empty,
            };
            ModelState.AddModelError(field, message);
        }

        if (failure.Fields.Count == 0)
        {
            ModelState.AddModelError(string.Empty, failure.Message);
        }
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>Procedures a unit of the officer's sub-tree handles and accepts on paper, and for the chosen one, its units and form.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = Caller.Actor.UnitPath!;
        var units = await catalog.SubtreeAsync(path, cancellationToken);
        var unitIds = units.Select(u => u.Id).ToHashSet();
        var collation = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
        Procedures = (await catalog.ProceduresHandledByAsync(unitIds, cancellationToken))
            .Where(p => !p.OnlineOnly)
            .OrderBy(p => p.Name, collation).ToList();
        Chosen = Procedure is null ? null : Procedures.SingleOrDefault(p => p.Code == Procedure);
        if (Chosen is not null)
        {
            Units = units.Where(u => Chosen.IsHandledBy(u.Id)).ToList();
            Fields = Chosen.FormFieldsInOrder();
        }
    }
}
