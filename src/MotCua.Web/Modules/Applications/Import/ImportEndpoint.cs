using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Applications.Import;

/// <summary>POST /api/v1/imports/applications: the province admin sends the former system's applications as JSON Lines.</summary>
internal static class ImportEndpoint
{
    /// <summary>A million applications with their history is a few hundred megabytes; the body is read as it arrives.</summary>
    public const long MaxImportBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The media types a JSON Lines file is sent as.</summary>
    public static readonly string[] ContentTypes = ["application/x-ndjson", "application/jsonl", "text/plain"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/imports/applications", Import).WithName("ImportApplications")
            .WithSummary("Nhập hồ sơ đã giải quyết trên hệ thống cũ (JSON Lines: mỗi dòng một hồ sơ) để giữ số liệu thống kê; mã hồ sơ đã có thì bỏ qua, dòng sai được báo theo số dòng và không nhập, các dòng đúng vẫn nhập; không gửi thông báo cho người nộp")
            .RequireAuthorization(AccessPolicies.ProvinceAdminApi)
            .Accepts<string>(ContentTypes[0], ContentTypes[1..])
            .WithBodyLimit(MaxImportBytes);
    }

    public static bool IsImportFile(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && ContentTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase);

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Import(
        HttpRequest request, ClaimsPrincipal user, AccountDirectory accounts, ApplicationImport import, CancellationToken cancellationToken)
    {
        if (!IsImportFile(request.ContentType))
        {
            return Problems.UnsupportedMediaType("Tệp nhập hồ sơ là JSON Lines, mỗi dòng một hồ sơ (Content-Type: application/x-ndjson, application/jsonl hoặc text/plain).");
        }

        return TypedResults.Ok(await import.RunAsync(request.Body, accounts.UserId(user), user.Identity?.Name ?? "?", cancellationToken));
    }
}
