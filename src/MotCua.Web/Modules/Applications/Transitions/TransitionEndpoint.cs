using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using NodaTime;

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
public sealed class TransitionHandler(MotCuaDbContext db, ApplicationAccess access, Deadlines.WorkingCalendarProvider calendars, IClock clock)
{
    public async Task<(Application? Application, Caller? Caller, ProblemHttpResult? Problem)> ApplyAsync(
        ClaimsPrincipal user, string code, TransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ApplicationActions.TryParse(input.Action, out var action) || action == ApplicationAction.PaymentConfirmed)
        {
            var names = string.Join(", ", ApplicationActions.All.Where(a => a != ApplicationAction.PaymentConfirmed).Select(a => a.Name()));
            return (null, null, Problems.Validation("Thao tác không hợp lệ.", ("action", $"Thao tác phải là một trong: {names}.")));
        }

        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: true, cancellationToken);
        if (application is null)
        {
            return (null, caller, QueryEndpoints.NotFound(code));
        }

        var hasResult = action == ApplicationAction.Approve
            && await db.Set<ApplicationDocument>().AnyAsync(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Result, cancellationToken);
        var request = new TransitionRequest(
            action,
            Trim(input.Note, 2000),
            Trim(input.InternalNote, 2000),
            Trim(input.Reason, 2000),
            Trim(input.LegalBasis, 1000),
            input.Items?.Select(i => new SupplementItem((i.Name ?? string.Empty).Trim(), (i.Reason ?? string.Empty).Trim())).ToList(),
            input.NewDueAt is DateTimeOffset d ? Instant.FromDateTimeOffset(d) : null,
            input.ReturnMethod,
            hasResult);

        var now = clock.GetCurrentInstant();
        var eventsBefore = application.Events.Count;
        if (application.Apply(request, caller!.Actor, await calendars.GetAsync(cancellationToken), now) is { } refusal)
        {
            return (null, caller, ApplicationProblems.From(refusal));
        }

        StatusMessages.Queue(db, application, now, eventsBefore);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, caller, Problems.Conflict("Hồ sơ vừa được người khác xử lý. Tải lại hồ sơ để xem trạng thái mới."));
        }

        return (application, caller, null);
    }

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();
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
        var (application, caller, problem) = await handler.ApplyAsync(user, code, input, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application!.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application!, documents, caller!.IsOfficer));
    }
}
