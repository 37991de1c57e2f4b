using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.Web.Modules.Applications.Transitions;

public sealed record SupplementItemInput(string? Name, string? Reason);

public sealed record TransitionInput(
    string? Action,
    string? Note,
    string? InternalNote,
    string? Reason,
    string? LegalBasis,
    IReadOnlyList<SupplementItemInput>? Items,
    DateTimeOffset? NewDueAt,
    ReturnMethod? ReturnMethod);

/// <summary>One action on one application, as the state machine allows it; the same handler serves the pages.</summary>
public sealed class TransitionHandler(MotCuaDbContext db, ApplicationAccess access, WorkingCalendarProvider calendars, IClock clock)
{
    public sealed record Applied(Application Application, Caller Caller);

    public async Task<Result<Applied>> ApplyAsync(
        ClaimsPrincipal user, string code, TransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ApplicationActions.TryParse(input.Action, out var action) || action == ApplicationAction.PaymentConfirmed)
        {
            var names = string.Join(", ", ApplicationActions.All.Where(a => a != ApplicationAction.PaymentConfirmed).Select(a => a.Name()));
            return Failure.Invalid("Thao tác không hợp lệ.", ("action", $"Thao tác phải là một trong: {names}."));
        }

        if (InputFailure(input) is { } invalid)
        {
            return invalid;
        }

        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: true, cancellationToken);
        if (application is null)
        {
            return ApplicationFailures.NotFound(code);
        }

        var hasResult = action == ApplicationAction.Approve
            && await db.Set<ApplicationDocument>().AnyAsync(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Result, cancellationToken);
        var request = new TransitionRequest(
            action,
            TextRules.Normalize(input.Note),
            TextRules.Normalize(input.InternalNote),
            TextRules.Normalize(input.Reason),
            TextRules.Normalize(input.LegalBasis),
            input.Items?.Select(i => new SupplementItem(TextRules.Normalize(i.Name) ?? string.Empty, TextRules.Normalize(i.Reason) ?? string.Empty)).ToList(),
            input.NewDueAt is DateTimeOffset d ? Instant.FromDateTimeOffset(d) : null,
            input.ReturnMethod,
            hasResult);

        var now = clock.GetCurrentInstant();
        if (application.Apply(request, caller!.Actor, await calendars.GetAsync(cancellationToken), now) is { } refusal)
        {
            return ApplicationFailures.From(refusal);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Hồ sơ vừa được người khác xử lý. Tải lại hồ sơ để xem trạng thái mới.");
        }

        return new Applied(application, caller!);
    }

    /// <summary>Most items one supplement request may list.</summary>
    public const int MaxSupplementItems = 30;

    /// <summary>Each text within its column's length and free of control characters; a new due date within 2000–2100.</summary>
    private static Failure? InputFailure(TransitionInput input)
    {
        var items = input.Items ?? [];
        var itemProblem = items.Count > MaxSupplementItems ? $"Tối đa {MaxSupplementItems} giấy tờ cần bổ sung."
            : items.Any(i => i is null) ? "Mỗi giấy tờ cần bổ sung là một mục có tên (name) và lý do (reason)."
            : items.Select(i => TextRules.Problem(i.Name, TextLimits.DocumentName) ?? TextRules.Problem(i.Reason, TextLimits.Note)).FirstOrDefault(p => p is not null);
        (string Field, string? Message)[] fields =
        [
            ("note", TextRules.Problem(input.Note, TextLimits.Note)),
            ("internalNote", TextRules.Problem(input.InternalNote, TextLimits.Note)),
            ("reason", TextRules.Problem(input.Reason, TextLimits.Note)),
            ("legalBasis", TextRules.Problem(input.LegalBasis, TextLimits.LegalBasis)),
            ("items", itemProblem),
            ("newDueAt", input.NewDueAt is { } due && !SensibleDates.Contains(due) ? SensibleDates.Message : null),
        ];
        return fields.Any(f => f.Message is not null) ? Failure.Invalid("Thông tin kèm thao tác chưa hợp lệ.", fields) : null;
    }
}

internal static class TransitionEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/applications/{code}/transitions", Transition)
            .WithName("TransitionApplication")
            .WithSummary("Thao tác trên hồ sơ: receive, refuse, request-supplement, supplement, forward, approve, reject, return-result, withdraw, suspend, resume …")
            .RequireAuthorization(Identity.IdentityModule.ApiPolicy);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Transition(
        string code, TransitionInput input, ClaimsPrincipal user, TransitionHandler handler, MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var applied = await handler.ApplyAsync(user, code, input, cancellationToken);
        if (applied.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var (application, caller) = applied.Value!;
        var documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application, documents, caller.IsOfficer));
    }
}
