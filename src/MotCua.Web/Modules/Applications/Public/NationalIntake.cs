using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Documents;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Applications.Transitions;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>The applicant as the national portal knows them; it signs citizens in only through the national identity.</summary>
public sealed record NationalApplicant(string? Name, string? IdentityNumber, string? Phone, string? Email, string? Address, bool IdentityVerified = true);

/// <summary>A file the applicant attached on the national portal: which document it is, its name, its bytes in base64.</summary>
public sealed record NationalFile(string? Name, string? FileName, string? Content);

/// <summary>An application filed on the national portal, handed to MotCua as the province system.</summary>
public sealed record NationalSubmission(
    string? NationalCode, string? ProcedureCode, string? UnitCode, NationalApplicant? Applicant, JsonElement Form, IReadOnlyList<NationalFile>? Documents);

/// <summary>The applicant's supplement sent on the national portal: the documents asked for and, when asked, the corrected answers.</summary>
public sealed record NationalSupplement(string? Note, JsonElement? Form, IReadOnlyList<NationalFile>? Documents);

/// <summary>The applicant withdraws on the national portal, with their reason.</summary>
public sealed record NationalWithdrawal(string? Reason);

/// <summary>What MotCua answers the portal: its own code for the application, where it stands, and whether it had it already.</summary>
public sealed record IntakeOutcome(string Code, string NationalCode, ApplicationStatus Status, DateTimeOffset? DueAt, bool Duplicate);

/// <summary>
/// Applications from the national public-service portal: each becomes a MotCua application (source national portal,
/// channel online) in its unit's reception inbox, once however often it is handed over; the applicant's supplements and
/// withdrawals sent there apply here as the system actor that stands for the portal. Whatever is wrong is answered in
/// one problem and changes nothing.
/// </summary>
public sealed partial class NationalIntake(
    MotCuaDbContext db,
    ApplicationCodes codes,
    CatalogDirectory catalog,
    FormValidation forms,
    AccountDirectory accounts,
    WorkingCalendarProvider calendars,
    TransitionHandler transitions,
    NationalDataLookup nationalData,
    IFileStorage storage,
    IClock clock)
{
    /// <summary>The name the portal acts under in every history.</summary>
    public const string PortalName = "Cổng Dịch vụ công quốc gia";

    private static readonly Actor Portal = Actor.System(PortalName);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.\\-_]{5,59}$")]
    private static partial Regex NationalCodePattern();

    public async Task<Result<IntakeOutcome>> SubmitAsync(NationalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var nationalCode = TextRules.Normalize(submission.NationalCode);
        if (nationalCode is null || !NationalCodePattern().IsMatch(nationalCode))
        {
            return Failure.Invalid("Mã hồ sơ trên Cổng DVCQG không hợp lệ.", ("nationalCode", "Mã hồ sơ gồm 6–60 chữ, số, dấu chấm, gạch ngang."));
        }

        if (await ExistingAsync(nationalCode, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var procedure = submission.ProcedureCode is null ? null : await catalog.ProcedureAsync(submission.ProcedureCode, cancellationToken);
        var unit = submission.UnitCode is null ? null : await catalog.UnitAsync(submission.UnitCode, cancellationToken);
        if (procedure is null)
        {
            return Failure.Invalid("Thủ tục không có trong danh mục của tỉnh.", ("procedureCode", $"Không có thủ tục mã “{submission.ProcedureCode}”."));
        }

        if (unit is null || !procedure.IsHandledBy(unit.Id))
        {
            return Failure.Invalid("Cơ quan tiếp nhận không đúng.", ("unitCode", $"Đơn vị “{submission.UnitCode}” không giải quyết thủ tục {procedure.Code}."));
        }

        if (procedure.Workflow.Count == 0 || procedure.OnlineLevel == OnlineLevel.Info)
        {
            return Failure.Conflict($"Thủ tục {procedure.Code} không nhận hồ sơ trực tuyến trên hệ thống của tỉnh.");
        }

        var (applicant, applicantProblems) = Applicant(submission.Applicant);
        var answers = procedure.Form is { } form ? FormFields.WithoutHidden(forms.FieldsOf(form), submission.Form) : submission.Form;
        var formErrors = await forms.ValidateAsync(procedure.Form, answers);
        var (files, fileProblems) = Files(submission.Documents, 0);
        var type = applicant?.IdentityNumber is { } number && ApplicantNumbers.IsTaxCode(number) ? ApplicantType.Business : ApplicantType.Citizen;
        (string Field, string? Message)[] problems =
        [
            .. applicantProblems,
            ("applicant.identityNumber", applicant is not null && !procedure.ApplicantTypes.Contains(type)
                ? (type == ApplicantType.Business ? "Thủ tục này dành cho cá nhân, không dành cho doanh nghiệp." : "Thủ tục này dành cho doanh nghiệp.") : null),
            .. formErrors.Select(e => ("form." + e.Key, (string?)e.Value)),
            .. fileProblems,
        ];
        if (problems.Any(p => p.Message is not null))
        {
            return Failure.Invalid("Hồ sơ từ Cổng DVCQG chưa hợp lệ. Xem lỗi của từng trường.", problems);
        }

        // The citizen's account here, when they have one, so the application shows among theirs.
        var owner = await accounts.FindByApplicantNumberAsync(applicant!.IdentityNumber!, cancellationToken);
        var info = applicant with { UserId = owner?.Id };
        var now = clock.GetCurrentInstant();
        var stepCodes = procedure.Workflow.Where(s => s.UnitCode is not null).Select(s => s.UnitCode!).Distinct().ToList();
        var stepUnits = stepCodes.Count == 0 ? new Dictionary<string, UnitCard>() : await catalog.UnitsAsync(stepCodes, cancellationToken);
        // The portal signs citizens in only through the national identity: what national databases supply is not asked for.
        var verified = submission.Applicant!.IdentityVerified;
        var uses = await nationalData.LookUpAsync(procedure, info, verified, cancellationToken);
        var missing = NationalDataLookup.StillMissing(procedure, online: true, files.Select(f => f.Name), uses);
        var code = await codes.NextAsync(unit.Id, unit.Code, now, cancellationToken);
        var application = Application.Start(code, procedure, unit, stepUnits, info, Channel.OnlineRemote, answers.GetRawText(),
            missingDocuments: missing, createdById: null, consent: null, now, nationalCode, identityVerified: verified);
        application.RecordNationalData(uses, missing);
        var note = $"Nộp trên {PortalName}, mã hồ sơ {nationalCode}.";
        var fees = procedure.FeesDueFor(online: true, exemption: null);
        if (application.Apply(new TransitionRequest(ApplicationAction.Submit, note, Fees: fees), Portal, await calendars.GetAsync(cancellationToken), now) is { } refusal)
        {
            return ApplicationFailures.From(refusal);
        }

        var keys = await StoreAsync(files, cancellationToken);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Add(application);
                await db.SaveChangesAsync(cancellationToken);
                db.AddRange(files.Select((f, i) => Document(application.Id, f, keys[i], now)));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            // The same national application raced in twice: the first one won; answer with it.
            db.ChangeTracker.Clear();
            foreach (var key in keys)
            {
                await storage.DeleteAsync(key, cancellationToken);
            }

            return await ExistingAsync(nationalCode, cancellationToken) ?? throw new InvalidOperationException($"Application {nationalCode} was neither saved nor found.");
        }

        return new IntakeOutcome(application.Code, nationalCode, application.Status, VietnamTime.Offset(application.DueAt), Duplicate: false);
    }

    /// <summary>The applicant's supplement: the files are attached, then the supplement made as the portal.</summary>
    public async Task<Result<IntakeOutcome>> SupplementAsync(string nationalCode, NationalSupplement supplement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplement);
        var application = await LoadAsync(nationalCode, cancellationToken);
        if (application is null)
        {
            return NotFound(nationalCode);
        }

        // Sent again (its answer was lost): the supplement is already made.
        if (application.Status != ApplicationStatus.SupplementRequested
            && application.Events.Any(e => e.Action == ApplicationAction.Supplement.Name() && e.ActorName == PortalName))
        {
            return Outcome(application, duplicate: true);
        }

        var existing = await db.Set<ApplicationDocument>().CountAsync(d => d.ApplicationId == application.Id, cancellationToken);
        var (files, problems) = Files(supplement.Documents, existing);
        if (problems.Any(p => p.Message is not null))
        {
            return Failure.Invalid("Hồ sơ bổ sung từ Cổng DVCQG chưa hợp lệ.", [.. problems]);
        }

        if (application.Status != ApplicationStatus.SupplementRequested)
        {
            return Failure.Conflict($"Hồ sơ đang ở trạng thái “{application.Status.Vietnamese()}”, không chờ bổ sung.");
        }

        var keys = await StoreAsync(files, cancellationToken);
        var now = clock.GetCurrentInstant();
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.AddRange(files.Select((f, i) => Document(application.Id, f, keys[i], now)));
            var input = new TransitionInput("supplement", TextRules.Normalize(supplement.Note), null, null, null, null, null, null, supplement.Form);
            var applied = await transitions.ApplyForPortalAsync(application, Portal, input, cancellationToken);
            if (applied.Failure is null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return applied;
        });
        if (outcome.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            foreach (var key in keys)
            {
                await storage.DeleteAsync(key, cancellationToken);
            }

            return failure;
        }

        return Outcome(application, duplicate: false);
    }

    /// <summary>The applicant withdraws: at once while not yet received, else the one-stop confirms it.</summary>
    public async Task<Result<IntakeOutcome>> WithdrawAsync(string nationalCode, NationalWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        var application = await LoadAsync(nationalCode, cancellationToken);
        if (application is null)
        {
            return NotFound(nationalCode);
        }

        if (application.Status is ApplicationStatus.WithdrawalRequested or ApplicationStatus.Withdrawn)
        {
            return Outcome(application, duplicate: true);
        }

        var input = new TransitionInput("withdraw", TextRules.Normalize(withdrawal.Reason), null, null, null, null, null, null);
        var applied = await transitions.ApplyForPortalAsync(application, Portal, input, cancellationToken);
        return applied.Failure is { } failure ? failure : Outcome(application, duplicate: false);
    }

    private sealed record IncomingFile(string Name, string FileName, string ContentType, byte[] Bytes);

    private async Task<IntakeOutcome?> ExistingAsync(string nationalCode, CancellationToken cancellationToken) =>
        await db.Set<Application>().AsNoTracking().Where(a => a.NationalCode == nationalCode)
            .Select(a => new { a.Code, a.Status, a.DueAt }).SingleOrDefaultAsync(cancellationToken) is { } a
            ? new IntakeOutcome(a.Code, nationalCode, a.Status, VietnamTime.Offset(a.DueAt), Duplicate: true)
            : null;

    private Task<Application?> LoadAsync(string nationalCode, CancellationToken cancellationToken) =>
        db.Set<Application>().Include(a => a.Events).AsSplitQuery().SingleOrDefaultAsync(a => a.NationalCode == nationalCode, cancellationToken);

    private static Failure NotFound(string nationalCode) => Failure.NotFound($"Không có hồ sơ mã {nationalCode} từ Cổng DVCQG.");

    private static IntakeOutcome Outcome(Application a, bool duplicate) =>
        new(a.Code, a.NationalCode!, a.Status, VietnamTime.Offset(a.DueAt), duplicate);

    private static (ApplicantInfo? Applicant, (string Field, string? Message)[] Problems) Applicant(NationalApplicant? a)
    {
        var name = TextRules.Normalize(a?.Name);
        var identity = TextRules.Normalize(a?.IdentityNumber);
        var phone = TextRules.Normalize(a?.Phone);
        var email = TextRules.Normalize(a?.Email);
        var address = TextRules.Normalize(a?.Address);
        (string Field, string? Message)[] problems =
        [
            ("applicant.name", name is null ? "Thiếu họ tên người nộp." : TextRules.Problem(name, TextLimits.PersonName)),
            ("applicant.identityNumber", identity is null || (!ApplicantNumbers.IsIdentityNumber(identity) && !ApplicantNumbers.IsTaxCode(identity))
                ? "Số định danh cá nhân gồm 12 chữ số (hoặc mã số doanh nghiệp gồm 10 chữ số)." : null),
            ("applicant.phone", phone is not null && !ApplicantNumbers.IsPhoneNumber(phone) ? "Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0." : null),
            ("applicant.email", email is null ? null : TextRules.Problem(email, TextLimits.Email) ?? (ApplicantNumbers.IsEmail(email) ? null : "Thư điện tử không đúng dạng.")),
            ("applicant.address", TextRules.Problem(address, TextLimits.Address)),
        ];
        return problems.Any(p => p.Message is not null) ? (null, problems) : (new ApplicantInfo(null, name!, identity, phone, email, address), problems);
    }

    /// <summary>Each file named, decodable, within the size limit and of an accepted type by its content; all of them within the count limit.</summary>
    private static (List<IncomingFile> Files, List<(string Field, string? Message)> Problems) Files(IReadOnlyList<NationalFile>? documents, int already)
    {
        var files = new List<IncomingFile>();
        var problems = new List<(string Field, string? Message)>();
        var list = documents ?? [];
        if (already + list.Count > FileTypes.MaxPerApplication)
        {
            problems.Add(("documents", $"Mỗi hồ sơ đính kèm tối đa {FileTypes.MaxPerApplication} tệp."));
            return (files, problems);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var field = $"documents[{i}]";
            var name = TextRules.Normalize(list[i]?.Name);
            if (name is null || TextRules.Problem(name, TextLimits.DocumentName) is { })
            {
                problems.Add((field + ".name", name is null ? "Thiếu tên giấy tờ." : "Tên giấy tờ: " + TextRules.Problem(name, TextLimits.DocumentName)));
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(list[i].Content ?? string.Empty);
            }
            catch (FormatException)
            {
                problems.Add((field + ".content", "Nội dung tệp phải ở dạng base64."));
                continue;
            }

            var type = bytes.Length == 0 ? null : FileTypes.Sniff(bytes.AsSpan(0, Math.Min(16, bytes.Length)));
            if (bytes.Length > FileTypes.MaxBytes || type is null)
            {
                problems.Add((field + ".content", bytes.Length > FileTypes.MaxBytes ? "Mỗi tệp tối đa 10 MB." : "Chỉ nhận tệp PDF, JPG hoặc PNG (kiểm tra theo nội dung tệp)."));
                continue;
            }

            files.Add(new IncomingFile(name, DocumentUpload.SafeName(list[i].FileName, type), type, bytes));
        }

        return (files, problems);
    }

    private async Task<List<string>> StoreAsync(List<IncomingFile> files, CancellationToken cancellationToken)
    {
        var keys = new List<string>(files.Count);
        foreach (var file in files)
        {
            using var content = new MemoryStream(file.Bytes, writable: false);
            keys.Add(await storage.SaveAsync(content, cancellationToken));
        }

        return keys;
    }

    /// <summary>An input filed online: not digitized by the one-stop (it was electronic from the start).</summary>
    private static ApplicationDocument Document(long applicationId, IncomingFile f, string key, Instant now) =>
        new(applicationId, DocumentKind.Input, f.Name, f.FileName, f.ContentType, f.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(f.Bytes)), key,
            digitized: false, uploadedById: null, now);
}
