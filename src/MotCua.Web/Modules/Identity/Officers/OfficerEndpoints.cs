using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MotCua.Web.Modules.Identity.Officers;

internal static class OfficerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/officers").RequireAuthorization(IdentityModule.ApiPolicy);
        admin.MapGet(string.Empty, List).WithName("ListOfficers")
            .WithSummary("Tài khoản cán bộ trong phạm vi quản trị (quản trị cấp tỉnh: toàn tỉnh; quản trị cơ quan: đơn vị mình và cấp dưới)");
        admin.MapPost(string.Empty, Create).WithName("CreateOfficer")
            .WithSummary("Tạo tài khoản cán bộ: {userName, fullName, unitId, roles, email, password?}; không có mật khẩu thì gửi mã đặt mật khẩu qua thư điện tử");
        admin.MapPost("/{id:guid}/disable", Disable).WithName("DisableOfficer")
            .WithSummary("Khóa tài khoản cán bộ; mọi phiên đăng nhập của tài khoản kết thúc ngay");
        admin.MapPost("/{id:guid}/move", Move).WithName("MoveOfficer")
            .WithSummary("Chuyển cán bộ sang đơn vị khác trong phạm vi quản trị: {unitId}; vai trò áp dụng tại đơn vị mới, các phiên đăng nhập kết thúc");
    }

    public sealed record MoveRequest(int? UnitId);

    private static async Task<Results<Ok<OfficerView>, ProblemHttpResult>> Move(Guid id, MoveRequest input, ClaimsPrincipal user, OfficerAdmin officers, CancellationToken cancellationToken)
    {
        var moved = await officers.MoveAsync(user, id, input?.UnitId, cancellationToken);
        return moved.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(moved.Value!);
    }

    private static async Task<Results<Ok<IReadOnlyList<OfficerView>>, ProblemHttpResult>> List(ClaimsPrincipal user, OfficerAdmin officers, CancellationToken cancellationToken)
    {
        var listed = await officers.ListAsync(user, cancellationToken);
        return listed.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(listed.Value!);
    }

    private static async Task<Results<Created<CreatedOfficer>, ProblemHttpResult>> Create(NewOfficer input, ClaimsPrincipal user, OfficerAdmin officers, CancellationToken cancellationToken)
    {
        var created = await officers.CreateAsync(user, input, cancellationToken);
        return created.Failure is { } failure ? failure.ToProblem() : TypedResults.Created($"/api/v1/admin/officers/{created.Value!.Id}", created.Value);
    }

    private static async Task<Results<Ok<OfficerView>, ProblemHttpResult>> Disable(Guid id, ClaimsPrincipal user, OfficerAdmin officers, CancellationToken cancellationToken)
    {
        var disabled = await officers.DisableAsync(user, id, cancellationToken);
        return disabled.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(disabled.Value!);
    }
}
