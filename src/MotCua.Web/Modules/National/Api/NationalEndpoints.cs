using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.National.Sync;

namespace MotCua.Web.Modules.National.Api;

internal static class NationalEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/integration").WithTags("Liên thông quốc gia").RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        group.MapGet("/national-sync", Report).WithName("NationalSync")
            .WithSummary("Đối soát với Cổng Dịch vụ công quốc gia: số hồ sơ đã đồng bộ, đang chờ, lỗi, và từng hồ sơ theo state=synced|pending|failed (50 mỗi trang); chỉ quản trị cấp tỉnh");
    }

    private static async Task<Results<Ok<SyncReport>, ProblemHttpResult>> Report(
        string? state, int? page, ClaimsPrincipal user, NationalSyncReport report, CancellationToken cancellationToken)
    {
        var result = await report.ReportAsync(user, state, page, cancellationToken);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(result.Value!);
    }
}
