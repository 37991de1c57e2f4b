using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Catalog.Units;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Api;

/// <summary>The province admin's unit tree API: create, edit, move, merge, dissolve, and the tree with its history out.</summary>
internal static class UnitAdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/units").RequireAuthorization(Common.Web.AccessPolicies.ProvinceAdminApi);
        admin.MapGet(string.Empty, List).WithName("ListAdminUnits")
            .WithSummary("Cây đơn vị đầy đủ, kể cả đơn vị đã sáp nhập hoặc giải thể (endedOn, successorId); cũng là định dạng xuất cây đơn vị");
        admin.MapPost(string.Empty, Create).WithName("CreateUnit")
            .WithSummary("Thêm đơn vị: {code, name, shortName, kind, level, parentId, address, phone, email}");
        admin.MapPut("/{id:int}", Edit).WithName("EditUnit")
            .WithSummary("Đổi tên, tên viết tắt, địa chỉ, điện thoại, thư điện tử của đơn vị");
        admin.MapPost("/{id:int}/move", Move).WithName("MoveUnit")
            .WithSummary("Chuyển đơn vị (cùng các đơn vị trực thuộc) sang đơn vị cấp trên khác: {parentId, reason}");
        admin.MapPost("/merge", Merge).WithName("MergeUnits")
            .WithSummary("Sáp nhập các đơn vị vào đơn vị kế thừa: {unitIds, successorId, effectiveOn, reason}; hồ sơ đang giải quyết và cán bộ chuyển sang đơn vị kế thừa, hồ sơ đã xong tính vào đơn vị kế thừa");
        admin.MapGet("/export", Export).WithName("ExportUnits")
            .WithSummary("Cây đơn vị theo định dạng motcua.units.v1 (mã cấp trên, kế thừa), kể cả đơn vị đã kết thúc; format=xlsx cho bảng tính Excel");
        admin.MapPost("/imports", Import).WithName("ImportUnits")
            .WithSummary("Nhập cây đơn vị (JSON motcua.units.v1 hoặc Excel cùng mẫu): thêm đơn vị chưa có (cấp trên trước), cập nhật tên và liên hệ; dryRun=true (mặc định) chỉ liệt kê")
            .Accepts<UnitTreeFileContent>("application/json", Exchange.ExcelCatalog.ContentType)
            .WithBodyLimit(CatalogAdminEndpoints.MaxImportBytes);
        admin.MapPost("/{id:int}/dissolve", Dissolve).WithName("DissolveUnit")
            .WithSummary("Giải thể đơn vị: {successorId, childrenParentId, effectiveOn, reason}; đơn vị trực thuộc chuyển sang childrenParentId (mặc định: cấp trên của đơn vị giải thể)");
    }

    private static UnitTree.Actor ActorOf(ClaimsPrincipal user, AccountDirectory accounts) => new(accounts.UserId(user), user.Identity?.Name ?? "?");

    private static async Task<Results<Ok<UnitTreeFileContent>, FileContentHttpResult, ProblemHttpResult>> Export(string? format, UnitTreeFile files, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "xlsx"))
        {
            return Common.Errors.Problems.Validation("Định dạng xuất không hợp lệ.", ("format", "Chọn json (mặc định) hoặc xlsx."));
        }

        var file = await files.ExportAsync(cancellationToken);
        return format == "xlsx" ? TypedResults.File(UnitTreeFile.ToExcel(file), Exchange.ExcelCatalog.ContentType, "cay-don-vi.xlsx") : TypedResults.Ok(file);
    }

    private static async Task<Results<Ok<UnitImportReport>, ProblemHttpResult>> Import(
        HttpRequest request, bool? dryRun, ClaimsPrincipal user, AccountDirectory accounts, UnitTreeFile files, CancellationToken cancellationToken)
    {
        var excel = Exchange.ExcelCatalog.IsWorkbook(request);
        if (!excel && !request.HasJsonContentType())
        {
            return Common.Errors.Problems.UnsupportedMediaType("Tệp cây đơn vị phải là JSON (motcua.units.v1) hoặc bảng tính Excel cùng mẫu.");
        }

        var file = await UnitTreeFile.ReadAsync(request.Body, excel, cancellationToken);
        if (file.Failure is { } unreadable)
        {
            return unreadable.ToProblem();
        }

        var report = await files.ImportAsync(file.Value!, dryRun ?? true, ActorOf(user, accounts), cancellationToken);
        return report.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(report.Value!);
    }

    private static async Task<Ok<IReadOnlyList<UnitView>>> List(UnitTree tree, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tree.ListAsync(cancellationToken));

    private static async Task<Results<Created<UnitView>, ProblemHttpResult>> Create(NewUnit input, ClaimsPrincipal user, AccountDirectory accounts, UnitTree tree, CancellationToken cancellationToken)
    {
        var created = await tree.CreateAsync(input, ActorOf(user, accounts), cancellationToken);
        return created.Failure is { } failure ? failure.ToProblem() : TypedResults.Created($"/api/v1/admin/units/{created.Value!.Id}", created.Value);
    }

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> Edit(int id, UnitEdit input, ClaimsPrincipal user, AccountDirectory accounts, UnitTree tree, CancellationToken cancellationToken)
    {
        var edited = await tree.EditAsync(id, input, ActorOf(user, accounts), cancellationToken);
        return edited.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(edited.Value!);
    }

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> Move(int id, UnitMove input, ClaimsPrincipal user, AccountDirectory accounts, UnitTree tree, CancellationToken cancellationToken)
    {
        var moved = await tree.MoveAsync(id, input, ActorOf(user, accounts), cancellationToken);
        return moved.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(moved.Value!);
    }

    private static async Task<Results<Ok<Reorganised>, ProblemHttpResult>> Merge(UnitMerge input, ClaimsPrincipal user, AccountDirectory accounts, UnitTree tree, CancellationToken cancellationToken)
    {
        var merged = await tree.MergeAsync(input, ActorOf(user, accounts), cancellationToken);
        return merged.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(merged.Value!);
    }

    private static async Task<Results<Ok<Reorganised>, ProblemHttpResult>> Dissolve(int id, UnitDissolve input, ClaimsPrincipal user, AccountDirectory accounts, UnitTree tree, CancellationToken cancellationToken)
    {
        var dissolved = await tree.DissolveAsync(id, input, ActorOf(user, accounts), cancellationToken);
        return dissolved.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(dissolved.Value!);
    }
}
