using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Applications.Assisted;

/// <summary>
/// "/ho-tro-nop-ho-so": a volunteer of the community digital-technology team or post-office staff files online for a
/// citizen, from the citizen's account and with their consent recorded; lists what they filed and attaches its papers.
/// The same handlers as the API; nothing of the back office.
/// </summary>
[Authorize(Roles = Roles.Assistant)]
[RequestSizeLimit(FileTypes.MaxBytes + (1024 * 1024))]
public sealed class AssistedSubmitModel(CatalogDirectory catalog, ApplicationAccess access, SubmitHandler submit, DocumentUpload upload, MotCuaDbContext db) : PageModel
{
    public const string Path = "/ho-tro-nop-ho-so";

    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public string? ApplicantUserName { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public ConsentMethod? ConsentMethod { get; set; }
    [BindProperty] public string? ConsentGivenBy { get; set; }
    [BindProperty] public string? Key { get; set; }

    public IReadOnlyList<ProcedureTerms> Procedures { get; private set; } = [];
    public ProcedureTerms? Chosen { get; private set; }
    public IReadOnlyList<UnitCard> Units { get; private set; } = [];
    public IReadOnlyList<FormField> Fields { get; private set; } = [];
    public IReadOnlyDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();
    public IReadOnlyList<Application> Filed { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? nop, bool dinhkem, CancellationToken cancellationToken)
    {
        if (await CallerAsync(cancellationToken) is not { } caller)
        {
            return Forbid();
        }

        Message = nop is not null ? $"Đã nộp hồ sơ {nop} từ tài khoản của người dân. Đính kèm giấy tờ (nếu có) ở danh sách bên dưới." : dinhkem ? "Đã đính kèm giấy tờ." : null;
        await LoadAsync(caller, cancellationToken);
        Key = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await CallerAsync(cancellationToken) is not { } caller)
        {
            return Forbid();
        }

        await LoadAsync(caller, cancellationToken);
        if (Chosen is null)
        {
            ModelState.AddModelError("procedure", "Chọn thủ tục.");
            return Page();
        }

        Posted = FormFields.Posted(Fields, name => Request.Form[name].ToString());
        var request = new SubmitRequest(Chosen.Code, UnitId, FormFields.ToJson(Fields, name => Request.Form[name].ToString()), Channel.OnlineAssisted,
            ApplicantUserName: ApplicantUserName?.Trim(), Consent: Consent, ConsentMethod: ConsentMethod, ConsentGivenBy: ConsentGivenBy);
        var outcome = await submit.SubmitAsync(User, request, string.IsNullOrWhiteSpace(Key) || Key.Length > SubmitHandler.MaxKeyLength ? null : Key, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            foreach (var (field, message) in failure.Fields)
            {
                ModelState.AddModelError(field is "unitId" or "applicantUserName" or "consent" or "consentMethod" or "consentGivenBy" || Fields.Any(f => f.Name == field) ? field : string.Empty, message);
            }

            if (failure.Fields.Count == 0)
            {
                ModelState.AddModelError(string.Empty, failure.Message);
            }

            return Page();
        }

        return Redirect($"{Path}?nop={Uri.EscapeDataString(outcome.Value!.Application.Code)}");
    }

    public async Task<IActionResult> OnPostAttachAsync(string? code, string? name, IFormFile? file, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await CallerAsync(cancellationToken) is not { } caller)
        {
            return Forbid();
        }

        var uploaded = await upload.UploadAsync(User, code ?? string.Empty, file, name, DocumentKind.Input, cancellationToken);
        if (uploaded.Failure is { } failure)
        {
            ModelState.AddModelError($"file-{code}", failure.Headline);
            await LoadAsync(caller, cancellationToken);
            Key = Guid.NewGuid().ToString("N");
            return Page();
        }

        return Redirect($"{Path}?dinhkem=true");
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public IReadOnlyDictionary<string, string> FieldErrors => Fields
        .Select(f => (f.Name, Error: ErrorFor(f.Name)))
        .Where(e => e.Error is not null)
        .ToDictionary(e => e.Name, e => e.Error!, StringComparer.Ordinal);

    private async Task<Caller?> CallerAsync(CancellationToken cancellationToken) =>
        await access.CallerAsync(User, cancellationToken) is { IsAssistant: true } caller ? caller : null;

    /// <summary>Procedures offered online by the units of the assistant's area (the whole province for the root), and what they filed.</summary>
    private async Task LoadAsync(Caller caller, CancellationToken cancellationToken)
    {
        var unit = caller.User.UnitId is int unitId ? await catalog.UnitAsync(unitId, cancellationToken) : null;
        var area = (await catalog.SubtreeAsync(unit?.Path ?? "/", cancellationToken)).Where(u => !u.Ended).ToList();
        var collation = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
        Procedures = (await catalog.ProceduresHandledByAsync(area.Select(u => u.Id).ToList(), cancellationToken))
            .Where(p => p.OnlineLevel != OnlineLevel.Info).OrderBy(p => p.Name, collation).ToList();
        Chosen = Procedure is null ? null : Procedures.SingleOrDefault(p => p.Code == Procedure);
        if (Chosen is not null)
        {
            Units = area.Where(u => Chosen.IsHandledBy(u.Id)).ToList();
            Fields = Chosen.FormFieldsInOrder();
        }

        var id = caller.User.Id;
        Filed = await db.Set<Application>().AsNoTracking().Where(a => a.CreatedById == id && a.Channel == Channel.OnlineAssisted)
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(cancellationToken);
    }
}
