using MotCua.Web.Modules.Applications.Domain;

namespace MotCua.Web.Modules.Applications;

internal static class ApplicationProblems
{
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Forbidden => Common.Errors.Problems.Forbidden(refusal.Message),
        RefusalKind.Invalid => Common.Errors.Problems.Validation(refusal.Message, (refusal.Field ?? "action", refusal.Message)),
        _ => Common.Errors.Problems.Conflict(refusal.Message),
    };
}
