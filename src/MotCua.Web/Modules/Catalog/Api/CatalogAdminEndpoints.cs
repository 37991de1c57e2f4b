using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Api;

/// <summary>The province admin's catalog API: the whole catalog out, a catalog file in (a dry run first).</summary>
internal static partial class CatalogAdminEndpoints
{
    /// <summary>A province's 2,000 procedures with their e-forms stay well under this.</summary>
    public const long MaxImportBytes = 64L * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/catalog").RequireAuthorization(Common.Web.AccessPolicies.ProvinceAdminApi);
        admin.MapGet("/export", Export).WithName("ExportCatalog")
            .WithSummary("Toàn bộ danh mục thủ tục theo định dạng trao đổi motcua.catalog.v1, mỗi thủ tục với phiên bản đang áp dụng; format=xlsx cho bảng tính Excel cùng nội dung");
        admin.MapGet("/quality", Quality).WithName("CatalogQuality")
            .WithSummary("Kiểm tra chất lượng các thủ tục trực tuyến theo đơn vị: biểu mẫu nhận tờ khai mẫu, thành phần hồ sơ, phí, quy trình, cán bộ đủ vai trò");
        admin.MapPost("/imports", Import).WithName("ImportCatalog")
            .WithSummary("Nhập danh mục theo định dạng motcua.catalog.v1 (JSON, hoặc bảng tính Excel cùng mẫu): dryRun=true (mặc định) chỉ liệt kê thủ tục sẽ thêm, sửa hoặc bị từ chối và lý do; dryRun=false ghi những thủ tục hợp lệ")
            .Accepts<CatalogFile>("application/json", ExcelCatalog.ContentType)
            .WithBodyLimit(MaxImportBytes);
    }

    private static async Task<Ok<Quality.QualityReport>> Quality(Quality.CatalogQuality quality, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quality.RunAsync(cancellationToken));

    private static async Task<Results<Ok<CatalogFile>, FileContentHttpResult, ProblemHttpResult>> Export(string? format, CatalogExport export, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "xlsx"))
        {
            return Problems.Validation("Định dạng xuất không hợp lệ.", ("format", "Chọn json (mặc định) hoặc xlsx."));
        }

        var file = await export.RunAsync(cancellationToken);
        return format == "xlsx"
            ? TypedResults.File(ExcelCatalog.Write(file), ExcelCatalog.ContentType, $"danh-muc-thu-tuc-{file.ExportedAt:yyyy-MM-dd}.xlsx")
            : TypedResults.Ok(file);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        HttpRequest request, bool? dryRun, ClaimsPrincipal user, AccountDirectory accounts, CatalogImport import, CancellationToken cancellationToken)
    {
        var excel = ExcelCatalog.IsWorkbook(request);
        if (!excel && !request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Tệp danh mục phải là JSON (Content-Type: application/json) theo định dạng motcua.catalog.v1, hoặc bảng tính Excel cùng mẫu.");
        }

        var file = await ReadAsync(request.Body, excel, cancellationToken);
        if (file.Failure is { } unreadable)
        {
            return unreadable.ToProblem();
        }

        var report = await import.RunAsync(file.Value!, dryRun ?? true, accounts.UserId(user), user.Identity?.Name ?? "?", cancellationToken);
        return report.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(report.Value!);
    }

    /// <summary>Reads a catalog file (JSON, or the Excel workbook of the same format), or says in Vietnamese where it breaks the format.</summary>
    public static async Task<Result<CatalogFile>> ReadAsync(Stream body, bool excel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (excel)
        {
            // The workbook reader is synchronous: the body is read into memory first (it is capped at MaxImportBytes).
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return ExcelCatalog.Read(buffer);
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<CatalogFile>(body, CatalogJson.Options, cancellationToken) is { } file
                ? file
                : Failure.Invalid("Tệp danh mục trống.", ("body", "Tệp phải là một đối tượng JSON có danh sách \"procedures\"."));
        }
        catch (JsonException e)
        {
            return Failure.Invalid("Tệp danh mục không đúng định dạng motcua.catalog.v1.", ("body", Explain(e)));
        }
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    private static string Explain(JsonException e)
    {
        var at = e.Path is { Length: > 0 } path ? $" ở {path}" : string.Empty;
        var line = e.LineNumber is { } n ? $" (dòng {n + 1})" : string.Empty;
        var message = e.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var list = message[(message.IndexOf("including:", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..];
            var names = Quoted().Matches(list).Select(m => m.Groups[1].Value);
            return $"Thiếu trường bắt buộc{at}{line}: {string.Join(", ", names)}.";
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"Có trường không thuộc định dạng{at}{line}.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return $"Giá trị{at}{line} không được để trống (null).";
        }

        return $"Giá trị{at}{line} không đúng kiểu (số, chữ, true/false, ngày yyyy-MM-dd hoặc một giá trị trong danh sách cho phép).";
    }
}
