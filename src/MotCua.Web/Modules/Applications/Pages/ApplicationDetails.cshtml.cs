using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Transitions;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>The applicant's view of one application: where it stands, what happened, what they can do now.</summary>
[Authorize]
public sealed class ApplicationDetailsModel(
    MotCuaDbContext db, ApplicationAccess access, TransitionHandler transitions, DocumentUpload upload, IFileStorage storage, Slips.SlipBuilder slips,
    CatalogDirectory catalog, FormValidation forms, IAddressPlaces places, Payments.Public.UnitPaymentAccounts paymentAccounts) : PageModel
{
    /// <summary>Awaiting payment: whether the unit takes the fee online (it declared its collecting account, and its gateway is on).</summary>
    public bool PaysOnline { get; private set; }

    public Application Application { get; private set; } = null!;
    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];
    public string UnitName { get; private set; } = string.Empty;
    public string? UnitAddress { get; private set; }
    public bool IsNew { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public bool MayAct { get; private set; }

    /// <summary>The answers given, labelled with the form's own words; Chosen when picked from the form's choices.</summary>
    public IReadOnlyList<(string Label, string Value, bool Chosen)> Answers { get; private set; } = [];

    /// <summary>The e-form fields a supplement request asks to correct, with their current or posted values and errors.</summary>
    public IReadOnlyList<FormField> Corrections { get; private set; } = [];

    public IReadOnlyDictionary<string, string?> CorrectionValues { get; private set; } = new Dictionary<string, string?>();
    public Dictionary<string, string> CorrectionErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The e-form page opened on this draft.</summary>
    public string EditAddress => $"/nop-ho-so/{Uri.EscapeDataString(Application.ProcedureCode)}?ho-so={Uri.EscapeDataString(Application.Code)}";

    public async Task<IActionResult> OnGetAsync(string code, string? moi, string? xong, CancellationToken cancellationToken)
    {
        IsNew = moi == "1";
        Done = xong;
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetFileAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken) || Documents.FirstOrDefault(d => d.Id == id) is not { } document)
        {
            return NotFound();
        }

        return File(await storage.OpenReadAsync(document.StorageKey, cancellationToken), document.ContentType, document.FileName);
    }

    public IEnumerable<Slips.SlipKind> Slips => Applications.Slips.SlipKinds.All.Where(k => Applications.Slips.SlipBuilder.IsAvailable(k, Application, forOfficer: false));

    public async Task<IActionResult> OnGetSlipAsync(string code, string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken) || !Applications.Slips.SlipKinds.TryParseSlug(kind, out var slipKind)
            || !Applications.Slips.SlipBuilder.IsAvailable(slipKind, Application, forOfficer: false))
        {
            return NotFound();
        }

        return File(await slips.RenderAsync(slipKind, Application, cancellationToken), "application/pdf", Applications.Slips.SlipBuilder.FileName(slipKind, Application));
    }

    /// <summary>Submit a draft or send a supplement (with its files); withdrawing goes to its own page.</summary>
    public async Task<IActionResult> OnPostAsync(string code, string action, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (action == "withdraw")
        {
            // Withdrawing has its own page that asks why.
            return Redirect($"/ho-so/{Uri.EscapeDataString(code)}/rut-ho-so");
        }

        foreach (var file in Request.Form.Files.Where(f => f.Length > 0))
        {
            var name = Request.Form[$"name.{file.Name}"].ToString();
            var uploaded = await upload.UploadAsync(User, code, file, string.IsNullOrWhiteSpace(name) ? "Giấy tờ bổ sung" : name, DocumentKind.Input, cancellationToken);
            if (uploaded.Failure is { } failure)
            {
                Error = failure.Headline;
                await LoadAsync(code, cancellationToken);
                return Page();
            }
        }

        if (action != "upload")
        {
            // The answers asked to be corrected come with the supplement, checked with the whole form.
            System.Text.Json.JsonElement? form = action == "supplement" && Corrections.Count > 0
                ? FormFields.ToJson(Corrections, name => Request.Form[name].ToString())
                : null;
            var applied = await transitions.ApplyAsync(User, code, new TransitionInput(action, note, null, null, null, null, null, null, form), cancellationToken);
            if (applied.Failure is { } refused)
            {
                Error = refused.Fields.Count > 0 && refused.Fields.All(f => f.Field.StartsWith("form.", StringComparison.Ordinal)) ? "Thông tin sửa lại chưa hợp lệ: xem lỗi ở từng ô bên dưới." : refused.Message;
                foreach (var field in refused.Fields.Where(f => f.Field.StartsWith("form.", StringComparison.Ordinal)))
                {
                    CorrectionErrors[field.Field] = field.Message;
                }

                CorrectionValues = FormFields.Posted(Corrections, name => Request.Form[name].ToString());
                return Page();
            }
        }

        return Redirect($"/ho-so/{code}?xong={Uri.EscapeDataString(action)}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, User, code, track: false, cancellationToken);
        if (application is null || caller is null || !caller.IsApplicant)
        {
            return false;
        }

        Application = application;
        MayAct = true;
        Documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application.Id).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        var unit = await catalog.UnitAsync(application.UnitId, cancellationToken);
        (UnitName, UnitAddress) = (unit?.Name ?? string.Empty, unit?.Address);
        PaysOnline = (application.Status == ApplicationStatus.AwaitingPayment || application.AwaitsFeeAtSubmission)
            && await paymentAccounts.ForUnitAsync(application.UnitId, cancellationToken) is { CollectsOnline: true };
        var procedure = await catalog.ProcedureAsync(application.ProcedureId, application.ProcedureVersion, cancellationToken);
        var fields = procedure?.Form is { } form ? forms.FieldsOf(form) : [];
        var chosen = fields.Where(f => f.Choices.Count > 0 || f.Type == "boolean").Select(f => f.Label).ToHashSet(StringComparer.Ordinal);
        Answers = FormFields.Answers(fields, application.FormJson).Select(a => (a.Label, a.Value, chosen.Contains(a.Label))).ToList();
        if (application.Status == ApplicationStatus.SupplementRequested)
        {
            var asked = application.SupplementItems.Where(i => i.Field is not null).Select(i => i.Field!).ToHashSet(StringComparer.Ordinal);
            Corrections = fields.Where(f => asked.Contains(f.Key)).Select(f => f with { ShownWhen = null }).ToList();
            CorrectionValues = Corrections.Count == 0 ? CorrectionValues : FormFields.Values(Corrections, application.FormJson, await places.ListAsync(cancellationToken));
        }

        return true;
    }
}
