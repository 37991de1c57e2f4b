using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Domain;

namespace MotCua.Web.Modules.Applications;

internal static class ApplicationFailures
{
    /// <summary>Any code the caller may not see is "not found", so codes reveal nothing.</summary>
    public static Failure NotFound(string code) => Failure.NotFound($"Không tìm thấy hồ sơ mã {code}, hoặc bạn không có quyền xem hồ sơ này.");

    /// <summary>The state machine's refusal as a use case's failure.</summary>
    public static Failure From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Forbidden => Failure.Forbidden(refusal.Message),
        RefusalKind.Invalid => Failure.Invalid(refusal.Message, (refusal.Field ?? "action", refusal.Message)),
        _ => Failure.Conflict(refusal.Message),
    };
}
