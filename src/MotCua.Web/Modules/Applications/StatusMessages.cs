using System.Text.Json;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Applications;

/// <summary>
/// Every status change leaves an outbox message in the same transaction: notifications to the applicant and the
/// sync to the national portal read them later, so a crash between the two loses nothing.
/// </summary>
internal static class StatusMessages
{
    public const string StatusChanged = "application.status-changed";

    public static void Queue(MotCuaDbContext db, Application application, Instant now, int sinceEvent = 0)
    {
        foreach (var change in application.Events.Skip(sinceEvent).Where(e => e.FromStatus != e.ToStatus))
        {
            var payload = JsonSerializer.Serialize(new
            {
                code = application.Code,
                procedureCode = application.ProcedureCode,
                status = change.ToStatus.ToString(),
                nationalStatus = change.ToStatus.NationalCode(),
                channel = application.Channel.NationalCode(),
                action = change.Action,
                at = change.At.ToString(),
            });
            db.Add(new OutboxMessage(StatusChanged, payload, now));
        }
    }
}

internal static class ApplicationProblems
{
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Forbidden => Common.Errors.Problems.Forbidden(refusal.Message),
        RefusalKind.Invalid => Common.Errors.Problems.Validation(refusal.Message, (refusal.Field ?? "action", refusal.Message)),
        _ => Common.Errors.Problems.Conflict(refusal.Message),
    };
}
