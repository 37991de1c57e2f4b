using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>An application's fee as the payment module sees it: what is due, to which unit, for whom, and its lines (none for an old request).</summary>
public sealed record PaymentDue(long ApplicationId, string Code, int UnitId, long Amount, string ProcedureName, Guid? ApplicantUserId, IReadOnlyList<FeeItem>? Items = null);

/// <summary>An application as its payments page shows it to an officer: what it is, whether a fee is due, whether they take fees for it.</summary>
/// <param name="FeeDueNow">A fee can be paid now: awaiting payment, or filed with its fee due at submission and unpaid.</param>
public sealed record PaymentSubject(string Code, string ProcedureName, ApplicationStatus Status, long? AmountDue, bool TakesFees, bool FeeDueNow = false);

/// <summary>Who paid an application's fee and for what, as a receipt names them.</summary>
public sealed record PaymentPayer(string Name, string? Address, string ProcedureName);

/// <summary>
/// What the payment module may ask of an application and do to it: read the fee due, check who may see it, and record
/// that it was paid (payment-confirmed, by the gateway as the system actor) in the caller's unit of work, so the
/// payment and the application change in one transaction or not at all.
/// </summary>
public sealed class ApplicationPayments(MotCuaDbContext db, ApplicationAccess access, WorkingCalendarProvider calendars)
{
    /// <summary>
    /// The fee the applicant may pay now: their own application, awaiting payment with an amount named, or just filed
    /// for a procedure paid at submission and not yet paid.
    /// </summary>
    public async Task<Result<PaymentDue>> DueAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        if (caller is null)
        {
            return Failure.Unauthorized("Tài khoản không còn tồn tại.");
        }

        if (application is null || !caller.IsApplicant)
        {
            return ApplicationFailures.NotFound(code);
        }

        return Due(application, "Cơ quan chưa ghi số tiền phải nộp cho hồ sơ này; vui lòng nộp tại bộ phận một cửa hoặc liên hệ cơ quan.");
    }

    /// <summary>
    /// The fee an officer takes at the desk: reception of the application's unit, the application awaiting payment
    /// with an amount named (or filed and its fee due at submission). With it, the officer's name for the record.
    /// </summary>
    public async Task<Result<(PaymentDue Due, string Officer)>> DueAtCounterAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        if (caller is null)
        {
            return Failure.Unauthorized("Tài khoản không còn tồn tại.");
        }

        if (application is null)
        {
            return ApplicationFailures.NotFound(code);
        }

        if (!caller.Actor.Acts(StepRole.Reception, application.UnitPath))
        {
            return Failure.Forbidden("Chỉ cán bộ một cửa của đơn vị tiếp nhận hồ sơ mới thu phí, lệ phí hoặc ghi hoàn trả.");
        }

        var due = Due(application, "Chưa có số tiền phải nộp cho hồ sơ này; người xử lý cần yêu cầu thanh toán kèm số tiền.");
        return due.Failure is { } failure ? failure : (due.Value!, caller.User.FullName);
    }

    /// <summary>The fee an application awaits, or why it awaits none (<paramref name="noAmount"/> when no amount was named).</summary>
    private static Result<PaymentDue> Due(Application application, string noAmount)
    {
        if (application.Status != ApplicationStatus.AwaitingPayment && !application.AwaitsFeeAtSubmission)
        {
            return Failure.Conflict(application.Status == ApplicationStatus.Submitted && application.FeesDueAtSubmission && application.FeePaidAt is not null
                ? "Hồ sơ này đã nộp phí, lệ phí; đang chờ tiếp nhận."
                : "Hồ sơ này hiện không chờ thanh toán.");
        }

        return application.AmountDue is > 0 and var amount
            ? new PaymentDue(application.Id, application.Code, application.UnitId, amount, application.ProcedureName, application.ApplicantId, application.FeeItems)
            : Failure.Conflict(noAmount);
    }

    /// <summary>The officer's name when they are reception of the application's unit (who records a refund); null otherwise.</summary>
    public async Task<string?> ReceptionOfficerAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        return application is not null && caller!.Actor.Acts(StepRole.Reception, application.UnitPath) ? caller.User.FullName : null;
    }

    /// <summary>The application for an officer who may see it; null otherwise (and for applicants: they have their own page).</summary>
    public async Task<PaymentSubject?> SubjectForOfficerAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        return application is null || !caller!.IsOfficer ? null
            : new PaymentSubject(application.Code, application.ProcedureName, application.Status, application.AmountDue, caller.Actor.Acts(StepRole.Reception, application.UnitPath),
                application.Status == ApplicationStatus.AwaitingPayment || application.AwaitsFeeAtSubmission);
    }

    /// <summary>
    /// Whether the caller may have the receipts of this application's fees: its applicant, or an officer whose scope
    /// covers the application's unit (the unit that collected the fee).
    /// </summary>
    public async Task<bool> MayHaveReceiptAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        return application is not null && (caller!.IsApplicant || (caller.IsOfficer && caller.Actor.Covers(application.UnitPath)));
    }

    /// <summary>The payer and procedure of an application, for its receipts; null when there is no such application.</summary>
    public async Task<PaymentPayer?> PayerAsync(long applicationId, CancellationToken cancellationToken) =>
        await db.Set<Application>().AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new PaymentPayer(a.ApplicantName, a.ApplicantAddress, a.ProcedureName)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The unit path an officer's scope starts at (their unit's sub-tree); null for anyone else.</summary>
    public async Task<string?> OfficerScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await access.CallerAsync(user, cancellationToken) is { IsOfficer: true } caller ? caller.Actor.UnitPath : null;

    /// <summary>Whether the caller may see this application (and so its payments).</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken) =>
        (await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken)).Application is not null;

    /// <summary>
    /// The gateway confirmed the fee: the application resumes where it was (a fee paid at submission leaves it
    /// Submitted, open to reception). Not saved here: the caller saves it with the
    /// payment. False when the application no longer awaits payment (withdrawn meanwhile): the money is then refunded.
    /// </summary>
    public async Task<bool> ConfirmPaidAsync(long applicationId, string gateway, string note, Instant now, CancellationToken cancellationToken)
    {
        var application = await db.Set<Application>().Include(a => a.Events).AsSplitQuery().SingleAsync(a => a.Id == applicationId, cancellationToken);
        var refusal = application.Apply(new TransitionRequest(ApplicationAction.PaymentConfirmed, note), Actor.System(gateway), await calendars.GetAsync(cancellationToken), now);
        return refusal is null;
    }
}
