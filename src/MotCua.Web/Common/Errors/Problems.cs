using Microsoft.AspNetCore.Http.HttpResults;

namespace MotCua.Web.Common.Errors;

/// <summary>RFC 7807 problem documents with Vietnamese titles, for the API.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Chưa xác thực");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được ở trạng thái hiện tại");

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: TitleFor(StatusCodes.Status415UnsupportedMediaType));

    /// <summary>400 with one message per field (fields whose message is null are left out).</summary>
    public static ProblemHttpResult Validation(string detail, params (string Field, string? Message)[] fields)
    {
        var errors = fields.Where(f => f.Message is not null)
            .GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message!).ToArray());
        var problem = new HttpValidationProblemDetails(errors)
        {
            Title = "Dữ liệu không hợp lệ",
            Detail = detail,
            Status = StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(problem);
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa xác thực",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        409 => "Xung đột dữ liệu",
        413 => "Dữ liệu gửi lên quá lớn",
        415 => "Định dạng dữ liệu không được hỗ trợ",
        429 => "Quá nhiều yêu cầu",
        503 => "Dịch vụ tạm thời không sẵn sàng",
        _ when status >= 500 => "Đã có lỗi xảy ra",
        _ => "Lỗi",
    };
}
