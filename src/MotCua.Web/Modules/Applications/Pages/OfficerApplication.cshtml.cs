using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Transitions;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using NodaTime.Text;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// One application for an officer: who applied and for what, the answers, documents, steps and history, and a form
/// for each action the state machine allows this officer now. Actions go through <see cref="TransitionHandler"/>, the
/// same handler as the API, so the rules live in the domain only.
/// </summary>
[RequestSizeLimit(FileTypes.MaxBytes + (1024 * 1024))]
public sealed class OfficerApplicationModel(
    MotCuaDbContext db,
    CatalogDirectory catalog,
    ApplicationAccess access,
    TransitionHandler transitions,
    DocumentUpload upload,
    IFileStorage storage,
    Calendar.Public.WorkingCalendarProvider calendars,
    Slips.SlipBuilder slips,
    IClock clock) : OfficerPageModel(access)
{
    /// <summary>Actions most files go through: their forms are open; the others are one click away.</summary>
    private static readonly ApplicationAction[] Primary =
    [
        ApplicationAction.Receive, ApplicationAction.Forward, ApplicationAction.Approve, ApplicationAction.ReturnResult,
        ApplicationAction.ConfirmWithdrawal, ApplicationAction.Resume, ApplicationAction.Submit, ApplicationAction.Supplement,
    ];

    private static readonly LocalDateTimePattern DatePattern = LocalDateTimePattern.CreateWithInvariantCulture("dd/MM/yyyy HH:mm");

    [BindProperty] public string? Act { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? InternalNote { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? Items { get; set; }

    /// <summary>The e-form answers a supplement request asks to correct (field keys), and why.</summary>
    [BindProperty(Name = "fields")] public List<string> FixFields { get; set; } = [];

    [BindProperty] public string? FixReason { get; set; }
    [BindProperty] public string? NewDueAt { get; set; }
    [BindProperty] public string? ReturnMethod { get; set; }

    /// <summary>The fee a payment request names, in đồng as typed ("50000", "50.000").</summary>
    [BindProperty] public string? Amount { get; set; }

    /// <summary>The procedure's fee for the channel this application came by: what a payment request proposes.</summary>
    /// <summary>What the procedure's fees come to for this application (its channel, the exemption claimed); none for a fee paid at submission.</summary>
    public long? ProposedFee => Procedure is { } procedure && !Application.FeesDueAtSubmission && Application.FeesDueUnder(procedure).Total is > 0 and var fee ? fee : null;
    [BindProperty] public string? DocumentName { get; set; }
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public Application Application { get; private set; } = null!;
    public ProcedureTerms? Procedure { get; private set; }

    /// <summary>The questions of the procedure's e-form, as this application was filed.</summary>
    public IReadOnlyList<FormField> FormQuestions { get; private set; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];
    public IReadOnlyList<(string Label, string Value)> Answers { get; private set; } = [];
    public IReadOnlyList<ApplicationAction> Actions { get; private set; } = [];
    public bool CanUploadScans { get; private set; }
    public TimeLeft TimeLeft { get; private set; } = new("—", Urgency.Done);

    public string Address => "/can-bo/ho-so/" + Uri.EscapeDataString(Application.Code);

    public string UnitName(int unitId) => UnitNames.TryGetValue(unitId, out var name) ? name : string.Empty;

    public string NextStepName =>
        Application.CurrentStep is int i && i + 1 < Application.Steps.Count ? Application.Steps[i + 1].Name : "tiếp theo";

    public bool HasResultDocument => Documents.Any(d => d.Kind == DocumentKind.Result);

    public bool IsOpen(ApplicationAction action) => Primary.Contains(action) || Act == action.Name();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    /// <summary>The slips this application has now (the receipt right after reception, to print at the desk).</summary>
    public IEnumerable<Slips.SlipKind> SlipKinds => Applications.Slips.SlipKinds.All.Where(k => Slips.SlipBuilder.IsAvailable(k, Application, forOfficer: true));

    public async Task<IActionResult> OnGetSlipAsync(string code, string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken) || !Applications.Slips.SlipKinds.TryParseSlug(kind, out var slipKind)
            || !Slips.SlipBuilder.IsAvailable(slipKind, Application, forOfficer: true))
        {
            return NotFound();
        }

        return File(await slips.RenderAsync(slipKind, Application, cancellationToken), "application/pdf", Slips.SlipBuilder.FileName(slipKind, Application));
    }

    /// <summary>A document of the application, always as a download with its checked type (never shown as a page of this site).</summary>
    public async Task<IActionResult> OnGetFileAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var (_, application) = await QueryEndpoints.LoadVisibleAsync(db, Access, User, code, track: false, cancellationToken);
        var document = application is null ? null
            : await db.Set<ApplicationDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ApplicationId == application.Id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        // Opened in the browser (PDF viewer, image), still as its checked type with nosniff; the page offers "Tải về" too.
        var stream = await storage.OpenReadAsync(document.StorageKey, cancellationToken);
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, document.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!ApplicationActions.TryParse(Act, out var action))
        {
            ModelState.AddModelError(string.Empty, "Chọn một thao tác trên hồ sơ.");
            return await PageAsync(code, cancellationToken);
        }

        var input = ReadInput(action);
        if (!ModelState.IsValid)
        {
            return await PageAsync(code, cancellationToken);
        }

        if (action == ApplicationAction.Approve && Upload is { Length: > 0 })
        {
            var uploaded = await upload.UploadAsync(User, code, Upload, DocumentName, DocumentKind.Result, cancellationToken);
            if (uploaded.Failure is { } uploadFailure)
            {
                return await FailedAsync(code, action.Name(), uploadFailure, cancellationToken);
            }
        }

        var applied = await transitions.ApplyAsync(User, code, input, cancellationToken);
        if (applied.Failure is { } failure)
        {
            return await FailedAsync(code, action.Name(), failure, cancellationToken);
        }

        Banner = Done(action, applied.Value!.Application);
        return Redirect("/can-bo/ho-so/" + Uri.EscapeDataString(code));
    }

    /// <summary>Reception attaches a scan of a paper document (counter and postal applications).</summary>
    public async Task<IActionResult> OnPostUploadAsync(string code, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Act = "upload";
        var scan = await upload.UploadAsync(User, code, Upload, DocumentName, DocumentKind.Input, cancellationToken);
        if (scan.Failure is { } failure)
        {
            return await FailedAsync(code, "upload", failure, cancellationToken);
        }

        Banner = $"Đã đính kèm bản quét “{scan.Value!.Document.Name}”.";
        return Redirect("/can-bo/ho-so/" + Uri.EscapeDataString(code));
    }

    /// <summary>A field of an action form, with what was typed (after a refusal) and its error.</summary>
    public ActionFieldView Field(ApplicationAction action, string field, string label, string? value, string? hint = null,
        bool multiline = false, bool required = false, int maxLength = 2000, string? initial = null)
    {
        var act = action.Name();
        return new ActionFieldView($"{act}_{field}", field, label, Act == act ? value : initial, ErrorFor($"{act}.{field}"), hint, multiline, required, maxLength);
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Required documents not yet attached, as lines for the supplement request ("Tên giấy tờ: lý do").</summary>
    public string SuggestedSupplementItems()
    {
        var attached = Documents.Where(d => d.Kind == DocumentKind.Input).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var missing = Procedure?.Documents.Where(d => d.MustBeAttached(Application.Channel.IsOnline()) && !attached.Contains(d.Name)).Select(d => $"{d.Name}: chưa nộp") ?? [];
        return string.Join('\n', missing);
    }

    /// <summary>How the result goes back by default: the way the application came in.</summary>
    public ReturnMethod DefaultReturnMethod => Application.Channel switch
    {
        Channel.Postal => Domain.ReturnMethod.Post,
        Channel.Counter => Domain.ReturnMethod.Desk,
        _ => Domain.ReturnMethod.Online,
    };

    private TransitionInput ReadInput(ApplicationAction action)
    {
        var act = action.Name();
        IReadOnlyList<SupplementItemInput>? items = null;
        if (action == ApplicationAction.RequestSupplement)
        {
            items = (Normalize(Items) ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
                .Select(l => l.IndexOf(':', StringComparison.Ordinal) is var i && i > 0
                    ? new SupplementItemInput(l[..i].Trim(), l[(i + 1)..].Trim())
                    : new SupplementItemInput(l, string.Empty))
                .Concat(FixFields.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.Ordinal)
                    .Select(k => new SupplementItemInput(null, Normalize(FixReason) ?? "Thông tin chưa khớp với giấy tờ đã nộp; kiểm tra và sửa lại.", k)))
                .ToList();
        }

        DateTimeOffset? newDueAt = null;
        if (action == ApplicationAction.Apologize)
        {
            var parsed = DatePattern.Parse((NewDueAt ?? string.Empty).Trim());
            if (parsed.Success)
            {
                newDueAt = parsed.Value.InZoneLeniently(ApplicationAccess.Vietnam).ToDateTimeOffset();
            }
            else
            {
                ModelState.AddModelError($"{act}.newDueAt", "Nhập ngày hẹn trả mới theo dạng ngày/tháng/năm giờ:phút, ví dụ 30/11/2026 16:00.");
            }
        }

        ReturnMethod? method = null;
        if (action == ApplicationAction.ReturnResult)
        {
            if (Common.Text.EnumNames.TryParse<ReturnMethod>(ReturnMethod, out var m))
            {
                method = m;
            }
            else
            {
                ModelState.AddModelError($"{act}.returnMethod", "Chọn cách trả kết quả cho người nộp.");
            }
        }

        long? amount = null;
        if (action == ApplicationAction.RequestPayment)
        {
            var digits = (Amount ?? string.Empty).Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var dong) && dong is > 0 and <= TransitionHandler.MaxAmount)
            {
                amount = dong;
            }
            else
            {
                ModelState.AddModelError($"{act}.amount", "Nhập số tiền người nộp phải nộp, bằng chữ số, ví dụ 50000.");
            }
        }

        // Resuming explains itself to the applicant: the reason typed is the note of the event.
        var note = action == ApplicationAction.Resume ? Reason : Note;
        return new TransitionInput(act, Normalize(note), Normalize(InternalNote), Normalize(Reason), Normalize(LegalBasis), items, newDueAt, method, Amount: amount);
    }

    private static string? Normalize(string? text) => text?.Normalize(System.Text.NormalizationForm.FormC);

    private async Task<IActionResult> FailedAsync(string code, string act, Failure failure, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        foreach (var field in failure.Fields)
        {
            ModelState.AddModelError(FieldKey(act, field.Field), field.Message);
        }

        if (failure.Fields.Count == 0)
        {
            ModelState.AddModelError(string.Empty, failure.Message);
        }

        return await PageAsync(code, cancellationToken);
    }

    /// <summary>Where a refusal points: the field of the action's form, or the summary alone.</summary>
    private static string FieldKey(string act, string key) => key switch
    {
        "reason" or "legalBasis" or "items" or "newDueAt" or "note" or "returnMethod" => $"{act}.{key}",
        "resultDocument" or "file" => $"{act}.file",
        "name" => $"{act}.documentName",
        _ => string.Empty,
    };

    private async Task<IActionResult> PageAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var (_, application) = await QueryEndpoints.LoadVisibleAsync(db, Access, User, code, track: false, cancellationToken);
        if (application is null)
        {
            return false;
        }

        Application = application;
        Documents = (await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(cancellationToken))
            .OrderBy(d => d.UploadedAt).ToList();
        Procedure = await catalog.ProcedureAsync(application.ProcedureId, application.ProcedureVersion, cancellationToken);
        var unitIds = application.Steps.Select(s => s.UnitId).Append(application.UnitId);
        UnitNames = (await catalog.UnitsAsync(unitIds, cancellationToken)).ToDictionary(u => u.Key, u => u.Value.Name);
        FormQuestions = FormFields.Read(Procedure?.Form);
        Answers = FormFields.Answers(FormQuestions, application.FormJson);
        Actions = application.AvailableActions(Caller.Actor).OrderBy(a => Primary.Contains(a) ? 0 : 1).ToList();
        CanUploadScans = application.Channel is Channel.Counter or Channel.Postal && application.AcceptsDocumentsFrom(Caller.Actor);
        TimeLeft = TimeLeft.Of(application, await calendars.GetAsync(cancellationToken), clock.GetCurrentInstant());
        return true;
    }

    /// <summary>What the banner says after the redirect.</summary>
    private static string Done(ApplicationAction action, Application a) => action switch
    {
        ApplicationAction.Receive => a.Step is { } step ? $"Đã tiếp nhận hồ sơ; hồ sơ chuyển sang bước {step.Name}." : "Đã tiếp nhận hồ sơ.",
        ApplicationAction.Refuse => "Đã từ chối tiếp nhận hồ sơ; người nộp được thông báo lý do.",
        ApplicationAction.RequestSupplement => "Đã gửi yêu cầu bổ sung hồ sơ tới người nộp; thời hạn tạm dừng đến khi bổ sung.",
        ApplicationAction.Forward => a.Step is { } next ? $"Đã chuyển hồ sơ sang bước {next.Name}." : "Đã chuyển hồ sơ sang bước tiếp theo.",
        ApplicationAction.Approve => "Đã phê duyệt kết quả; hồ sơ chờ trả kết quả cho người nộp.",
        ApplicationAction.Reject => "Đã từ chối giải quyết hồ sơ; người nộp được thông báo lý do.",
        ApplicationAction.ReturnResult => $"Đã trả kết quả ({a.ReturnMethod?.Vietnamese().ToLower(CultureInfo.GetCultureInfo("vi-VN"))}).",
        ApplicationAction.Suspend => "Đã dừng xử lý hồ sơ.",
        ApplicationAction.Resume => "Đã tiếp tục xử lý hồ sơ.",
        ApplicationAction.ConfirmWithdrawal => "Đã xác nhận rút hồ sơ.",
        ApplicationAction.Apologize => a.ApologyNewDueAt is { } newDue ? $"Đã gửi văn bản xin lỗi; ngày hẹn trả mới: {VietnamTime.Text(newDue)}." : "Đã gửi văn bản xin lỗi.",
        ApplicationAction.RequestPayment => "Đã yêu cầu người nộp thực hiện nghĩa vụ tài chính.",
        ApplicationAction.Supplement => "Đã ghi nhận hồ sơ đã được bổ sung.",
        ApplicationAction.Withdraw => a.Status == ApplicationStatus.Withdrawn ? "Đã rút hồ sơ." : "Đã ghi nhận đề nghị rút hồ sơ.",
        ApplicationAction.Submit => "Đã nộp hồ sơ.",
        _ => "Đã thực hiện thao tác.",
    };
}
