using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Applications.Pages;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>
/// A citizen or business fills the e-form and attaches the documents; "Tiếp tục" keeps it as a draft and leads to the
/// page that shows everything once more before it is sent ("Lưu nháp" stops there). Everything is checked in one round
/// (office, every answer, every file), and the files that passed are kept on the server for the next round, shown as
/// attached with a way to replace or remove them. With ?ho-so={code} the same page opens a draft again to change it.
/// </summary>
[Authorize(Roles = Roles.Citizen + "," + Roles.Business)]
[RequestSizeLimit(FileTypes.MaxBytes * 8)]
public sealed class SubmitModel(
    CatalogDirectory catalog, SubmitHandler submit, DocumentUpload upload, AccountDirectory accounts, FormValidation forms, StagedUploads staging,
    MotCuaDbContext db, ApplicationAccess access, IAddressPlaces places, NationalDataLookup nationalData) : PageModel
{
    /// <summary>Signed in through the national identity: what national databases supply is not asked for.</summary>
    public bool IdentityVerified => IdentityLevel.IsVerified(User);

    /// <summary>For a verified applicant: the documents (by slot) a national database supplies, with the database.</summary>
    public Dictionary<int, NationalDataSource> Supplied { get; } = [];

    /// <summary>The e-form was filled from the population database.</summary>
    public bool PrefilledFromNationalData { get; private set; }

    /// <summary>A file attached in an earlier round, by document slot, with the token the page posts back.</summary>
    public sealed record Attached(StagedUploads.Staged File, string Token);

    public ProcedureTerms Procedure { get; private set; } = null!;
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public IReadOnlyList<FormField> Fields { get; private set; } = [];
    public IReadOnlyDictionary<string, string?> Answers { get; private set; } = new Dictionary<string, string?>();
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, Attached> AttachedFiles { get; } = [];

    /// <summary>The draft being changed (?ho-so=), and its documents by slot.</summary>
    public Application? Draft { get; private set; }

    public Dictionary<int, ApplicationDocument> SavedFiles { get; } = [];

    [BindProperty] public int? UnitId { get; set; }

    /// <summary>Made when the page is shown: a second click on "Nộp" finds the first application instead of making another.</summary>
    [BindProperty] public string? SubmissionKey { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery(Name = "ho-so")] string? draft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, draft, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Draft is { } existing)
        {
            Answers = FormFields.Values(Fields, existing.FormJson, await places.ListAsync(cancellationToken));
            UnitId = existing.UnitId;
            return Page();
        }

        var user = (await accounts.FindAsync(User))!;
        var person = IdentityVerified && user.IdentityNumber is { } number ? await nationalData.PersonAsync(number, cancellationToken) : null;
        var answers = FormFields.Prefill(Fields, person?.Name ?? user.FullName, user.ApplicantNumber, user.Phone, user.Email,
            person?.Fields.GetValueOrDefault("noiThuongTru") ?? user.Address);
        if (person is not null)
        {
            FormFields.PrefillParent(Fields, answers, mother: person.Fields.GetValueOrDefault("gioiTinh") == "Nữ", person.Name ?? user.FullName, user.IdentityNumber!);
            PrefilledFromNationalData = true;
        }

        Answers = answers;
        UnitId = Units.Count == 1 ? Units[0].Id : OfficeFor(Units, user.Address)?.Id;
        SubmissionKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromQuery(Name = "ho-so")] string? editing, string? draft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, editing, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        Answers = FormFields.Posted(Fields, name => Request.Form[name].ToString());
        var saveDraft = draft is not null;
        var owner = accounts.UserId(User)!.Value;

        // One round, in page order: the office, every answer, every file.
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (UnitId is null || !Units.Any(u => u.Id == UnitId))
        {
            found[nameof(UnitId)] = "Chọn nơi nộp hồ sơ.";
        }

        var answers = FormFields.ToJson(Fields, name => Request.Form[name].ToString());
        if (Procedure.Form is { } form)
        {
            answers = FormFields.WithoutHidden(forms.FieldsOf(form), answers);
        }

        var formErrors = await forms.ValidateAsync(Procedure.Form, answers);
        foreach (var field in Fields.Where(f => formErrors.ContainsKey(f.Name)))
        {
            found[field.Name] = formErrors[field.Name];
        }

        foreach (var (key, message) in formErrors.Where(e => !found.ContainsKey(e.Key)))
        {
            found[key] = message;
        }

        await CheckFilesAsync(owner, requireAll: !saveDraft, found, cancellationToken);
        foreach (var (key, message) in found)
        {
            Errors[key] = message;
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // Kept as a draft either way: "Tiếp tục" shows it once more before it is sent.
        Application application;
        var replayed = false;
        if (Draft is not null)
        {
            var revised = await submit.ReviseDraftAsync(User, Draft.Code, UnitId, answers, cancellationToken);
            if (revised.Failure is { } failure)
            {
                Show(failure);
                return Page();
            }

            application = revised.Value!;
        }
        else
        {
            var request = new SubmitRequest(Procedure.Code, UnitId, answers, Channel.OnlineRemote, Draft: true);
            var outcome = await submit.SubmitAsync(User, request, SubmissionKey, cancellationToken);
            if (outcome.Failure is { } failure)
            {
                Show(failure);
                return Page();
            }

            (application, replayed) = outcome.Value!;
        }

        if (!replayed)
        {
            foreach (var slot in RemovedSaved)
            {
                await upload.RemoveFromDraftAsync(User, application.Code, SavedFiles[slot].Id, cancellationToken);
            }

            foreach (var (slot, attached) in AttachedFiles.OrderBy(a => a.Key))
            {
                var file = await staging.OpenAsync(attached.File, cancellationToken);
                var uploaded = await upload.UploadAsync(User, application.Code, file, Procedure.Documents[slot].Name, DocumentKind.Input, cancellationToken);
                if (!uploaded.Succeeded)
                {
                    // The draft exists; the person finishes the documents on its page.
                    return Redirect($"/ho-so/{application.Code}?thieu=1");
                }

                await staging.DiscardAsync(attached.File, cancellationToken);
            }
        }

        return Redirect(saveDraft ? $"/ho-so/{application.Code}?moi=1" : $"/ho-so/{application.Code}/kiem-tra");
    }

    /// <summary>Slots whose saved document is removed or replaced in this round (a draft being changed).</summary>
    private List<int> RemovedSaved { get; } = [];

    /// <summary>
    /// Each document slot: a file kept from an earlier round (unless removed), replaced by a new one when one is chosen
    /// and it passes (type by content, size); then the required documents still missing.
    /// </summary>
    private async Task CheckFilesAsync(Guid owner, bool requireAll, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        for (var i = 0; i < Procedure.Documents.Count; i++)
        {
            var document = Procedure.Documents[i];
            var kept = staging.Find(Request.Form[$"kept{i}"].ToString(), owner);
            if (kept is not null && Request.Form[$"remove{i}"] == "1")
            {
                await staging.DiscardAsync(kept, cancellationToken);
                kept = null;
            }

            var file = Request.Form.Files.GetFile($"doc{i}");
            if (file is { Length: > 0 })
            {
                int read;
                await using (var stream = file.OpenReadStream())
                {
                    read = await stream.ReadAsync(head, cancellationToken);
                }

                var type = FileTypes.Sniff(head.AsSpan(0, read));
                if (file.Length > FileTypes.MaxBytes)
                {
                    errors[$"doc{i}"] = "Tệp lớn hơn 10 MB. Hãy chụp hoặc quét lại với độ phân giải thấp hơn.";
                }
                else if (type is null)
                {
                    errors[$"doc{i}"] = "Chỉ nhận tệp PDF, JPG hoặc PNG.";
                }
                else
                {
                    if (kept is not null)
                    {
                        await staging.DiscardAsync(kept, cancellationToken);
                    }

                    var (staged, token) = await staging.StageAsync(file, type, owner, cancellationToken);
                    AttachedFiles[i] = new Attached(staged, token);
                    kept = null;
                }
            }

            if (kept is not null)
            {
                AttachedFiles[i] = new Attached(kept, staging.Token(kept, owner));
            }

            var saved = SavedFiles.ContainsKey(i);
            if (saved && (AttachedFiles.ContainsKey(i) || Request.Form[$"removeSaved{i}"] == "1"))
            {
                RemovedSaved.Add(i);
                saved = false;
            }

            if (!saved && !AttachedFiles.ContainsKey(i) && requireAll && document.MustBeAttached(online: true) && !Supplied.ContainsKey(i) && !errors.ContainsKey($"doc{i}"))
            {
                errors[$"doc{i}"] = Missing(document.Name);
            }
        }
    }

    /// <summary>The document a slot's message ("doc1", "Đính kèm giấy chứng sinh …") asks to attach; null for any other message.</summary>
    public string? MissingDocument(string key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith("doc", StringComparison.Ordinal) && int.TryParse(key.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture, out var slot)
            && slot >= 0 && slot < Procedure.Documents.Count && message == Missing(Procedure.Documents[slot].Name)
            ? Procedure.Documents[slot].Name
            : null;
    }

    private static string Missing(string document) => $"Đính kèm {Lower(document)}.";

    /// <summary>Each field's message beside its input ("unitId" is this page's UnitId); a failure without fields on top.</summary>
    private void Show(Failure failure)
    {
        foreach (var field in failure.Fields)
        {
            Errors.TryAdd(field.Field == "unitId" ? nameof(UnitId) : field.Field, field.Message);
        }

        if (failure.Fields.Count == 0)
        {
            Errors[string.Empty] = failure.Message;
        }
    }

    private async Task<IActionResult?> LoadAsync(string code, string? draftCode, CancellationToken cancellationToken)
    {
        var procedure = await catalog.ProcedureAsync(code, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        if (draftCode is not null)
        {
            var (caller, draft) = await QueryEndpoints.LoadVisibleAsync(db, access, User, draftCode, track: false, cancellationToken);
            if (draft is null || caller is null || !caller.IsApplicant || draft.ProcedureCode != procedure.Code)
            {
                return NotFound();
            }

            if (draft.Status != ApplicationStatus.Draft)
            {
                // Sent already: its page says where it stands.
                return Redirect($"/ho-so/{draft.Code}");
            }

            Draft = draft;
            var documents = await db.Set<ApplicationDocument>().AsNoTracking()
                .Where(d => d.ApplicationId == draft.Id && d.Kind == DocumentKind.Input).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
            for (var i = 0; i < procedure.Documents.Count; i++)
            {
                if (documents.LastOrDefault(d => d.Name == procedure.Documents[i].Name) is { } saved)
                {
                    SavedFiles[i] = saved;
                }
            }
        }

        if (procedure.OnlineLevel == OnlineLevel.Info || procedure.Workflow.Count == 0)
        {
            return Redirect($"/thu-tuc/{procedure.Code}#cach-nop");
        }

        Procedure = procedure;
        if (IdentityVerified && nationalData.Connected)
        {
            foreach (var (document, source) in await catalog.SuppliedDocumentsAsync(procedure, cancellationToken))
            {
                Supplied[procedure.Documents.ToList().IndexOf(document)] = source;
            }
        }

        Units = (await catalog.UnitsAsync(procedure.UnitIds, cancellationToken)).Values.OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Fields = procedure.FormFieldsInOrder();
        return null;
    }

    /// <summary>
    /// The office that governs where the applicant lives, from the parts of their address ("…, phường An Phú, tỉnh An
    /// Bình"): the most local unit whose area is named there; null when none is, so the person chooses.
    /// </summary>
    public static UnitCard? OfficeFor(IReadOnlyList<UnitCard> units, string? address)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var parts = address.Normalize(System.Text.NormalizationForm.FormC).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return units.Where(u => parts.Contains(u.AreaName.Normalize(System.Text.NormalizationForm.FormC), StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(u => u.Depth).FirstOrDefault();
    }

    private static string Lower(string text) => text.Length > 1 ? char.ToLower(text[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + text[1..] : text;
}
