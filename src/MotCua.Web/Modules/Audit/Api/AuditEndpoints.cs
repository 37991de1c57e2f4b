using Microsoft.AspNetCore.Http.HttpResults;

namespace MotCua.Web.Modules.Audit.Api;

internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/admin/audit", List).WithName("ListAudit")
            .WithSummary("Nhật ký thay đổi quản trị (mới nhất trước, tối đa 500): from, to (yyyy-MM-dd, giờ Việt Nam), actor (tên đăng nhập), action (ví dụ catalog hoặc officer.create)")
            .RequireAuthorization(Common.Web.AccessPolicies.ProvinceAdminApi);

    private static async Task<Results<Ok<IReadOnlyList<AuditView>>, ProblemHttpResult>> List(
        DateOnly? from, DateOnly? to, string? actor, string? action, AuditQuery audit, CancellationToken cancellationToken)
    {
        var found = await audit.RunAsync(from, to, actor, action, cancellationToken);
        return found.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(found.Value!);
    }
}
