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

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>A citizen or business fills the e-form, attaches the documents and submits (or saves a draft).</summary>
[Authorize(Roles = Roles.Citizen + "," + Roles.Business)]
[RequestSizeLimit(FileTypes.MaxBytes * 8)]
public sealed class SubmitModel(CatalogDirectory catalog, SubmitHandler submit, DocumentUpload upload, AccountDirectory accounts) : PageModel
{
    public ProcedureTerms Procedure { get; private set; } = null!;
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public IReadOnlyList<FormField> Fields { get; private set; } = [];
    public IReadOnlyDictionary<string, string?> Answers { get; private set; } = new Dictionary<string, string?>();
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty] public int? UnitId { get; set; }

    /// <summary>Made when the page is shown: a second click on "Nộp" finds the first application instead of making another.</summary>
    [BindProperty] public string? SubmissionKey { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var user = (await accounts.FindAsync(User))!;
        Answers = FormFields.Prefill(Fields, user.FullName, user.ApplicantNumber, user.Phone, user.Email, user.Address);
        UnitId = Units.Count == 1 ? Units[0].Id : null;
        SubmissionKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? draft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        Answers = FormFields.Posted(Fields, name => Request.Form[name].ToString());
        var saveDraft = draft is not null;
        var files = CheckFiles(requireAll: !saveDraft);
        if (UnitId is null || !Units.Any(u => u.Id == UnitId))
        {
            Errors["UnitId"] = "Chọn nơi nộp hồ sơ.";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var request = new SubmitRequest(Procedure.Code, UnitId, FormFields.ToJson(Fields, name => Request.Form[name].ToString()), Channel.OnlineRemote, Draft: saveDraft);
        var outcome = await submit.SubmitAsync(User, request, SubmissionKey, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            Show(failure);
            return Page();
        }

        var (application, replayed) = outcome.Value!;
        if (!replayed)
        {
            foreach (var (document, file) in files)
            {
                var uploaded = await upload.UploadAsync(User, application.Code, file, document.Name, DocumentKind.Input, cancellationToken);
                if (!uploaded.Succeeded)
                {
                    // The application exists; the person finishes the documents on its page.
                    return Redirect($"/ho-so/{application.Code}?thieu=1");
                }
            }
        }

        return Redirect($"/ho-so/{application.Code}?moi=1");
    }

    /// <summary>Required documents first (the portal asks for them before submitting), then type and size of each file.</summary>
    private List<(RequiredDocument Document, IFormFile File)> CheckFiles(bool requireAll)
    {
        var chosen = new List<(RequiredDocument, IFormFile)>();
        Span<byte> head = stackalloc byte[16];
        for (var i = 0; i < Procedure.Documents.Count; i++)
        {
            var document = Procedure.Documents[i];
            var file = Request.Form.Files.GetFile($"doc{i}");
            if (file is null || file.Length == 0)
            {
                if (requireAll && document.Required && !document.VaultAllowed)
                {
                    Errors[$"doc{i}"] = $"Đính kèm {Lower(document.Name)}.";
                }

                continue;
            }

            using var stream = file.OpenReadStream();
            var read = stream.Read(head);
            if (file.Length > FileTypes.MaxBytes)
            {
                Errors[$"doc{i}"] = "Tệp lớn hơn 10 MB. Hãy chụp hoặc quét lại với độ phân giải thấp hơn.";
            }
            else if (FileTypes.Sniff(head[..read]) is null)
            {
                Errors[$"doc{i}"] = "Chỉ nhận tệp PDF, JPG hoặc PNG.";
            }
            else
            {
                chosen.Add((document, file));
            }
        }

        return chosen;
    }

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

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await catalog.ProcedureAsync(code, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        if (procedure.OnlineLevel == OnlineLevel.Info || procedure.Workflow.Count == 0)
        {
            return Redirect($"/thu-tuc/{procedure.Code}#cach-nop");
        }

        Procedure = procedure;
        Units = (await catalog.UnitsAsync(procedure.UnitIds, cancellationToken)).Values.OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Fields = procedure.FormFieldsInOrder();
        return null;
    }

    private static string Lower(string text) => text.Length > 1 ? char.ToLower(text[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + text[1..] : text;
}
