using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Pages;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Data;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>A walk-in or postal applicant keyed in by the one-stop.</summary>
public sealed record ApplicantInput(string? Name, string? IdentityNumber, string? Phone, string? Email, string? Address);

public sealed record SubmitRequest(
    string? ProcedureCode,
    int? UnitId,
    JsonElement Form,
    Channel? Channel,
    bool Draft = false,
    ApplicantInput? Applicant = null,
    string? ApplicantUserName = null,
    bool Consent = false,
    ConsentMethod? ConsentMethod = null,
    string? ConsentGivenBy = null,
    string? Exemption = null);

public sealed record SubmitResponse(string Code, ApplicationStatus Status, DateTimeOffset? DueAt, bool MissingDocuments);

/// <summary>POST /api/v1/applications: online by the applicant, or at the desk / by post / assisted by an officer.</summary>
public sealed class SubmitHandler(
    MotCuaDbContext db,
    ApplicationAccess access,
    ApplicationCodes codes,
    CatalogDirectory catalog,
    FormValidation forms,
    AccountDirectory accounts,
    WorkingCalendarProvider calendars,
    NationalDataLookup nationalData,
    IClock clock)
{
    public const int MaxKeyLength = 100;

    /// <summary>The application made (or, for a repeated Idempotency-Key, the one made the first time).</summary>
    public sealed record Submitted(Application Application, bool Replayed);

    public async Task<Result<Submitted>> SubmitAsync(ClaimsPrincipal principal, SubmitRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await access.CallerAsync(principal, cancellationToken);
        if (caller is null)
        {
            return Failure.Unauthorized("Tài khoản không còn tồn tại.");
        }

        if (idempotencyKey is { Length: > MaxKeyLength })
        {
            return Failure.Invalid("Idempotency-Key dài quá 100 ký tự.", ("Idempotency-Key", "Idempotency-Key dài quá 100 ký tự."));
        }

        if (idempotencyKey is not null && await ReplayAsync(caller.User.Id, idempotencyKey, cancellationToken) is { } earlier)
        {
            return new Submitted(earlier, true);
        }

        var procedure = request.ProcedureCode is null ? null : await catalog.ProcedureAsync(request.ProcedureCode, cancellationToken);
        if (procedure is null)
        {
            return Failure.Invalid("Thủ tục hoặc nơi nộp không đúng.", ("procedureCode", "Chọn một thủ tục có trong danh mục."));
        }

        var unit = request.UnitId is int unitId ? await catalog.UnitAsync(unitId, cancellationToken) : null;
        var unitProblem = unit is null || !procedure.IsHandledBy(unit.Id) ? "Chọn một cơ quan giải quyết thủ tục này." : null;
        var channel = request.Channel ?? (caller.IsOfficer ? Channel.Counter : caller.IsAssistant ? Channel.OnlineAssisted : Channel.OnlineRemote);
        if (unit is not null && unitProblem is null && ChannelFailure(caller, procedure, unit, channel) is { } channelFailure)
        {
            return channelFailure;
        }

        var (applicant, consent, applicantFailure) = await ApplicantAsync(caller, request, channel, procedure);
        if (applicantFailure is { Kind: not FailureKind.Invalid })
        {
            return applicantFailure;
        }

        // A hidden field's answer (its shown-when rule not met) is not kept.
        var answers = procedure.Form is { } form ? FormFields.WithoutHidden(forms.FieldsOf(form), request.Form) : request.Form;
        var formErrors = await forms.ValidateAsync(procedure.Form, answers);

        // An exemption claimed must be one the procedure lists, by its exact name.
        var exemption = procedure.Exemption(TextRules.Normalize(request.Exemption));
        var exemptionProblem = request.Exemption is not null && exemption is null ? $"Thủ tục này không có đối tượng miễn, giảm “{request.Exemption}”." : null;

        // Everything wrong in one answer: the office, the applicant and every field of the form.
        (string Field, string? Message)[] problems =
        [
            ("unitId", unitProblem),
            ("exemption", exemptionProblem),
            .. (applicantFailure?.Fields ?? []).Select(f => (f.Field, (string?)f.Message)),
            .. formErrors.Select(e => (e.Key, (string?)e.Value)),
        ];
        if (problems.Any(p => p.Message is not null) || unit is null)
        {
            var sources = new[] { unitProblem is not null, applicantFailure is not null, formErrors.Count > 0, exemptionProblem is not null }.Count(x => x);
            var message = sources > 1 ? "Hồ sơ chưa hợp lệ. Xem lỗi của từng trường."
                : unitProblem is not null ? "Thủ tục hoặc nơi nộp không đúng."
                : exemptionProblem is not null ? "Đối tượng miễn, giảm không hợp lệ."
                : applicantFailure?.Message ?? "Tờ khai chưa hợp lệ. Xem lỗi của từng trường.";
            return Failure.Invalid(message, problems);
        }

        var now = clock.GetCurrentInstant();
        var stepCodes = procedure.Workflow.Where(s => s.UnitCode is not null).Select(s => s.UnitCode!).Distinct().ToList();
        var stepUnits = stepCodes.Count == 0 ? new Dictionary<string, UnitCard>() : await catalog.UnitsAsync(stepCodes, cancellationToken);
        var code = await codes.NextAsync(unit.Id, unit.Code, now, cancellationToken);
        // Signed in through the national identity and filing for themselves: what national databases supply is not asked for.
        var verified = caller.IsApplicant && caller.IdentityVerified;
        if (verified && applicant!.Address is null && applicant.IdentityNumber is { } number
            && (await nationalData.PersonAsync(number, cancellationToken))?.Fields.GetValueOrDefault("noiThuongTru") is { Length: > 0 and <= TextLimits.Address } home)
        {
            // The account has no address (VNeID gives none): the population database's permanent residence is the applicant's.
            applicant = applicant with { Address = home };
        }

        var uses = await nationalData.LookUpAsync(procedure, applicant!, verified, cancellationToken);
        var missing = NationalDataLookup.StillMissing(procedure, channel.IsOnline(), [], uses);
        var application = Application.Start(code, procedure, unit, stepUnits, applicant!, channel, answers.GetRawText(),
            missingDocuments: missing, createdById: caller.IsOfficer || caller.IsAssistant ? caller.User.Id : null, consent, now, identityVerified: verified);
        application.RecordNationalData(uses, missing);

        if (!request.Draft && application.Apply(new TransitionRequest(ApplicationAction.Submit, Fees: procedure.FeesDueFor(channel.IsOnline(), exemption)), caller.Actor, await calendars.GetAsync(cancellationToken), now) is { } refusal)
        {
            return ApplicationFailures.From(refusal);
        }

        db.Add(application);
        if (idempotencyKey is not null)
        {
            db.Add(new SubmissionKey { CallerId = caller.User.Id, Key = idempotencyKey, Application = application, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key raced in from a double click: the first one won; answer with it.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(caller.User.Id, idempotencyKey, cancellationToken) is { } winner)
            {
                return new Submitted(winner, true);
            }

            throw;
        }

        return new Submitted(application, false);
    }

    /// <summary>
    /// The applicant (or whoever keyed it in) changes a draft: the office and the answers, checked as on submission;
    /// the documents are changed on their own. Nothing is sent: the draft stays a draft.
    /// </summary>
    public async Task<Result<Application>> ReviseDraftAsync(ClaimsPrincipal principal, string code, int? unitId, JsonElement form, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, principal, code, track: true, cancellationToken);
        if (application is null || caller is null)
        {
            return ApplicationFailures.NotFound(code);
        }

        var procedure = await catalog.ProcedureAsync(application.ProcedureCode, cancellationToken);
        var unit = unitId is int id ? await catalog.UnitAsync(id, cancellationToken) : null;
        if (procedure is null || unit is null || !procedure.IsHandledBy(unit.Id))
        {
            return Failure.Invalid("Nơi nộp không đúng.", ("unitId", "Chọn một cơ quan giải quyết thủ tục này."));
        }

        var answers = procedure.Form is { } definition ? FormFields.WithoutHidden(forms.FieldsOf(definition), form) : form;
        var formErrors = await forms.ValidateAsync(procedure.Form, answers);
        if (formErrors.Count > 0)
        {
            return Failure.Invalid("Tờ khai chưa hợp lệ. Xem lỗi của từng trường.", formErrors.Select(e => (e.Key, (string?)e.Value)).ToArray());
        }

        var now = clock.GetCurrentInstant();
        var newCode = unit.Id == application.UnitId ? application.Code : await codes.NextAsync(unit.Id, unit.Code, now, cancellationToken);
        var stepCodes = procedure.Workflow.Where(s => s.UnitCode is not null).Select(s => s.UnitCode!).Distinct().ToList();
        var stepUnits = stepCodes.Count == 0 ? new Dictionary<string, UnitCard>() : await catalog.UnitsAsync(stepCodes, cancellationToken);
        if (application.ReviseDraft(newCode, procedure, unit, stepUnits, answers.GetRawText(), caller.Actor) is { } refusal)
        {
            return ApplicationFailures.From(refusal);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Bản nháp vừa được thay đổi ở nơi khác. Tải lại trang để xem bản mới.");
        }

        return application;
    }

    private Task<Application?> ReplayAsync(Guid callerId, string key, CancellationToken cancellationToken) =>
        (db.Database.IsNpgsql() ? ReplayOnPostgres : ReplayOnSqlite)(db, callerId, key, cancellationToken);

    // Asked on every submission that carries a key, so compiled once; one per provider (see TrackOnPostgres).
    private static readonly Func<MotCuaDbContext, Guid, string, CancellationToken, Task<Application?>> ReplayOnPostgres = CompileReplay();
    private static readonly Func<MotCuaDbContext, Guid, string, CancellationToken, Task<Application?>> ReplayOnSqlite = CompileReplay();

    private static Func<MotCuaDbContext, Guid, string, CancellationToken, Task<Application?>> CompileReplay() => EF.CompileAsyncQuery(
        (MotCuaDbContext db, Guid callerId, string key, CancellationToken _) => db.Set<SubmissionKey>().Where(k => k.CallerId == callerId && k.Key == key)
            .Join(db.Set<Application>(), k => k.ApplicationId, a => a.Id, (_, a) => a)
            .AsNoTracking().SingleOrDefault());

    private static Failure? ChannelFailure(Caller caller, ProcedureTerms procedure, UnitCard unit, Channel channel)
    {
        if (caller.IsAssistant && channel != Channel.OnlineAssisted)
        {
            return Failure.Invalid("Người hỗ trợ nộp hồ sơ trực tuyến thay người dân (OnlineAssisted), có sự đồng ý của họ.", ("channel", "Chỉ được chọn OnlineAssisted."));
        }

        if (caller.IsApplicant && channel != Channel.OnlineRemote)
        {
            return Failure.Invalid("Công dân, doanh nghiệp nộp hồ sơ trực tuyến (OnlineRemote).", ("channel", "Chỉ được chọn hình thức nộp trực tuyến."));
        }

        if (caller.IsOfficer && !caller.Actor.Acts(StepRole.Reception, unit.Path))
        {
            return Failure.Forbidden("Chỉ cán bộ một cửa của đơn vị tiếp nhận mới nhập hồ sơ thay người nộp.");
        }

        if (caller.IsOfficer && channel == Channel.OnlineRemote)
        {
            return Failure.Invalid("Cán bộ nhập hồ sơ trực tiếp (Counter), qua bưu chính (Postal) hoặc hỗ trợ nộp trực tuyến (OnlineAssisted).", ("channel", "Chọn Counter, Postal hoặc OnlineAssisted."));
        }

        if (procedure.Workflow.Count == 0)
        {
            return Failure.Conflict("Thủ tục này không giải quyết trên hệ thống của tỉnh; xem hướng dẫn ở trang thủ tục.");
        }

        if (channel.IsOnline() && procedure.OnlineLevel == OnlineLevel.Info)
        {
            return Failure.Conflict("Thủ tục này chỉ cung cấp thông tin, chưa nhận hồ sơ trực tuyến. Vui lòng nộp trực tiếp tại bộ phận một cửa.");
        }

        if (!channel.IsOnline() && procedure.OnlineOnly)
        {
            return Failure.Conflict("Thủ tục này chỉ nhận hồ sơ trực tuyến; cán bộ có thể hỗ trợ nộp trực tuyến (OnlineAssisted).");
        }

        if (channel == Channel.Postal && !procedure.PostalAllowed)
        {
            return Failure.Conflict("Thủ tục này không nhận hồ sơ qua bưu chính.");
        }

        return null;
    }

    private async Task<(ApplicantInfo? Applicant, string? Consent, Failure? Failure)> ApplicantAsync(
        Caller caller, SubmitRequest request, Channel channel, ProcedureTerms procedure)
    {
        var owner = caller.IsApplicant ? caller.User : null;
        string? consent = null;
        if (channel == Channel.OnlineAssisted)
        {
            owner = string.IsNullOrWhiteSpace(request.ApplicantUserName) ? null : await accounts.FindByUserNameAsync(request.ApplicantUserName);
            if (owner is null || owner.AccountType == AccountType.Officer)
            {
                return (null, null, Failure.Invalid("Nộp hỗ sơ hỗ trợ cần tài khoản của người nộp.", ("applicantUserName", "Nhập tên đăng nhập (số định danh) của công dân, doanh nghiệp được hỗ trợ.")));
            }

            var givenBy = TextRules.Normalize(request.ConsentGivenBy) ?? owner.FullName;
            if (!request.Consent || request.ConsentMethod is null || TextRules.Problem(givenBy, TextLimits.PersonName) is not null)
            {
                return (null, null, Failure.Invalid("Cần sự đồng ý của người nộp: ai đồng ý và đồng ý bằng cách nào.",
                    ("consent", !request.Consent ? "Xác nhận người nộp đã đồng ý để cán bộ nộp thay từ tài khoản của họ." : null),
                    ("consentMethod", request.ConsentMethod is null ? $"Ghi cách người nộp đồng ý: {EnumNames.List<ConsentMethod>()}." : null),
                    ("consentGivenBy", TextRules.Problem(givenBy, TextLimits.PersonName) is { } p ? "Họ tên người đồng ý: " + p : null)));
            }

            var text = $"Nộp thay bởi {caller.User.FullName}; {givenBy} đồng ý {request.ConsentMethod.Value.Vietnamese()} để nộp từ tài khoản của {owner.FullName}.";
            consent = text.Length <= ConsentMaxLength ? text : text[..ConsentMaxLength];
        }

        if (owner is not null)
        {
            var type = owner.AccountType == AccountType.Business ? ApplicantType.Business : ApplicantType.Citizen;
            if (!procedure.ApplicantTypes.Contains(type))
            {
                return (null, null, Failure.Conflict(type == ApplicantType.Business
                    ? "Thủ tục này dành cho cá nhân, không dành cho doanh nghiệp."
                    : "Thủ tục này dành cho doanh nghiệp; hãy đăng nhập bằng tài khoản doanh nghiệp."));
            }

            return (new ApplicantInfo(owner.Id, owner.FullName, owner.ApplicantNumber, owner.Phone, owner.Email, owner.Address), consent, null);
        }

        var a = request.Applicant;
        var name = TextRules.Normalize(a?.Name);
        var identity = TextRules.Normalize(a?.IdentityNumber);
        var phone = TextRules.Normalize(a?.Phone);
        var email = TextRules.Normalize(a?.Email);
        var address = TextRules.Normalize(a?.Address);
        (string Field, string? Message)[] problems =
        [
            ("applicant.name", name is null ? "Nhập họ tên người nộp." : TextRules.Problem(name, TextLimits.PersonName)),
            ("applicant.identityNumber", identity is not null && !ApplicantNumbers.IsIdentityNumber(identity) && !ApplicantNumbers.IsTaxCode(identity)
                ? "Số định danh cá nhân gồm 12 chữ số (hoặc mã số doanh nghiệp gồm 10 chữ số)." : null),
            ("applicant.phone", phone is not null && !ApplicantNumbers.IsPhoneNumber(phone) ? "Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0." : null),
            ("applicant.email", email is null ? null : TextRules.Problem(email, TextLimits.Email) ?? (ApplicantNumbers.IsEmail(email) ? null : "Thư điện tử không đúng dạng, ví dụ ten@example.com.")),
            ("applicant.address", TextRules.Problem(address, TextLimits.Address)),
        ];
        if (problems.Any(p => p.Message is not null))
        {
            return (null, null, Failure.Invalid("Nhập thông tin người nộp hồ sơ.", problems));
        }

        return (new ApplicantInfo(null, name!, identity, phone, email, address), consent, null);
    }

    /// <summary>The consent line fits its column (applications.Consent).</summary>
    public const int ConsentMaxLength = 400;

}

internal static class SubmitEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/applications", Submit)
            .WithName("SubmitApplication")
            .WithSummary("Nộp hồ sơ (hoặc lưu nháp với draft: true); header Idempotency-Key chống nộp trùng")
            .RequireAuthorization(Identity.IdentityModule.ApiPolicy);

    private static async Task<Results<Created<SubmitResponse>, ProblemHttpResult>> Submit(
        SubmitRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        SubmitHandler handler,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.SubmitAsync(user, request, idempotencyKey, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var a = outcome.Value!.Application;
        return TypedResults.Created($"/api/v1/applications/{a.Code}", new SubmitResponse(a.Code, a.Status, VietnamTime.Offset(a.DueAt), a.MissingDocuments));
    }
}
