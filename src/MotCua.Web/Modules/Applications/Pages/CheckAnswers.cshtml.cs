using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Transitions;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// "/ho-so/{code}/kiem-tra" (Kiểm tra lại thông tin): a draft shown once more as it will be sent — the office, every
/// answer, every document — each part with a link back to change it; only this page's button sends it.
/// </summary>
[Authorize]
public sealed class CheckAnswersModel(MotCuaDbContext db, ApplicationAccess access, CatalogDirectory catalog, FormValidation forms, TransitionHandler transitions) : PageModel
{
    /// <summary>One answer as the applicant gave it, with the input to go back to; Chosen when picked from the form's choices.</summary>
    public sealed record AnswerRow(string Label, string Value, string InputId, bool Chosen);

    /// <summary>One document the procedure lists, with the file attached for it (if any).</summary>
    public sealed record DocumentRow(int Slot, string Name, bool Needed, ApplicationDocument? File, bool FormReplaces);

    public Application Application { get; private set; } = null!;
    public ProcedureTerms Procedure { get; private set; } = null!;
    public string UnitName { get; private set; } = string.Empty;
    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<ApplicationDocument> OtherFiles { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The exemption the applicant claims (a category the procedure lists), or none.</summary>
    [BindProperty] public string? Exemption { get; set; }

    /// <summary>The required documents not attached yet, when that is why the draft was not sent.</summary>
    public IReadOnlyList<string> MissingNames { get; private set; } = [];

    /// <summary>The e-form page opened on this draft.</summary>
    public string ChangeAddress => $"/nop-ho-so/{Uri.EscapeDataString(Procedure.Code)}?ho-so={Uri.EscapeDataString(Application.Code)}";

    public IEnumerable<DocumentRow> Missing => Documents.Where(d => d.Needed && d.File is null);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } other)
        {
            return other;
        }

        if (Missing.Any())
        {
            MissingNames = Missing.Select(d => d.Name).ToList();
            Error = "Còn thiếu giấy tờ bắt buộc: " + string.Join("; ", MissingNames) + ". Bấm “Thay đổi” ở phần Giấy tờ đính kèm để đính kèm.";
            return Page();
        }

        var applied = await transitions.ApplyAsync(User, code, new TransitionInput("submit", null, null, null, null, null, null, null, Exemption: string.IsNullOrWhiteSpace(Exemption) ? null : Exemption), cancellationToken);
        if (applied.Failure is { } refused)
        {
            Error = refused.Message;
            return Page();
        }

        return Redirect($"/ho-so/{Uri.EscapeDataString(code)}?moi=1");
    }

    /// <summary>Null when the page can show the draft; otherwise where to go (a sent application shows its own page).</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, User, code, track: false, cancellationToken);
        if (application is null || caller is null || !caller.IsApplicant)
        {
            return NotFound();
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return Redirect($"/ho-so/{Uri.EscapeDataString(code)}");
        }

        // The terms the draft will be sent under: the current ones (a draft is filed when it is sent).
        var procedure = await catalog.ProcedureAsync(application.ProcedureCode, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        Application = application;
        Procedure = procedure;
        UnitName = (await catalog.UnitAsync(application.UnitId, cancellationToken))?.Name ?? string.Empty;
        var fields = procedure.Form is { } form ? forms.FieldsOf(form) : [];
        Answers = FormFields.AnswersByField(fields, application.FormJson)
            .Select(a => new AnswerRow(a.Field.Label, a.Value, a.Field.Id, a.Field.Choices.Count > 0 || a.Field.Type == "boolean")).ToList();

        var files = await db.Set<ApplicationDocument>().AsNoTracking()
            .Where(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Input).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        Documents = procedure.Documents.Select((d, i) => new DocumentRow(i, d.Name, d.MustBeAttached(online: true), files.LastOrDefault(f => f.Name == d.Name), d.FormReplaces && fields.Count > 0)).ToList();
        OtherFiles = files.Where(f => procedure.Documents.All(d => d.Name != f.Name)).ToList();
        return null;
    }
}
