using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Common.Web;

/// <summary>Input refused before it reaches the database: a 400 naming the field, on the API and on pages alike.</summary>
public sealed class InputRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Failures as the caller should see them: under /api a problem document (400 naming the field that could not be read,
/// 413, 415, or 500 with a trace id and nothing internal); on pages the error page for that status.
/// </summary>
public static partial class ApiErrors
{
    public const string WrongTypeMessage = "Giá trị không đúng kiểu dữ liệu.";

    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InputRejectedException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The problem document for a request that could not be read: which field, and why, in Vietnamese.</summary>
    public static ProblemDetails Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = StatusFor(exception);
        if (exception is InputRejectedException rejected)
        {
            return Validation(rejected.Field, rejected.Message);
        }

        if (exception is not BadHttpRequestException bad)
        {
            return new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = "Hệ thống gặp sự cố. Vui lòng thử lại sau; mã theo dõi ở traceId." };
        }

        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = "Dữ liệu gửi lên vượt quá giới hạn cho phép." };
        }

        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = "Định dạng dữ liệu không được hỗ trợ: gửi JSON với Content-Type: application/json (hoặc multipart/form-data cho tệp đính kèm)." };
        }

        if (status != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = "Yêu cầu không hợp lệ." };
        }

        var parameter = ParameterName().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : null;
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path) ?? "body";
            var message = json.Message.StartsWith(TextRules.UncleanMessage, StringComparison.Ordinal) ? (json.Path is null ? "Nội dung gửi lên có byte không phải UTF-8 hợp lệ." : TextRules.UncleanMessage)
                : json.Path is null or "$" ? "Nội dung gửi lên không phải JSON hợp lệ."
                : WrongTypeMessage;
            return Validation(field, message, json.Path is null or "$" ? "Dữ liệu gửi lên không đọc được. Kiểm tra định dạng JSON." : null);
        }

        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal) || bad.Message.Contains("from the request body", StringComparison.Ordinal))
        {
            return Validation(parameter ?? "body", "Thiếu nội dung JSON của yêu cầu.", "Dữ liệu gửi lên không đọc được. Kiểm tra định dạng JSON.");
        }

        return Validation(parameter ?? "request", parameter is null ? "Yêu cầu không hợp lệ." : WrongTypeMessage);
    }

    private static HttpValidationProblemDetails Validation(string field, string message, string? detail = null) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Dữ liệu không hợp lệ",
            Detail = detail ?? $"Trường “{field}”: {message}",
        };

    /// <summary>"$.applicant.name" → "applicant.name"; "$.items[0].name" → "items[0].name".</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The parameter named in minimal APIs' messages: Failed to bind parameter "int? unitId" from "1.5".</summary>
    [GeneratedRegex("""parameter "(?:[^"]*[\s.])?(?<name>[\w-]+)(?=")""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterName();

    internal sealed class ExceptionHandler(IProblemDetailsService problems, ILogger<ExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // UseExceptionHandler has already rewritten the path to the error page: look at the one that was asked for.
            var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
            var status = StatusFor(exception);
            if (status >= 500)
            {
                logger.LogError(exception, "Unhandled error on {Path}", path);
            }
            else
            {
                logger.LogInformation("Refused request on {Path}: {Message}", path, exception.Message);
            }

            if (!WebPlatform.IsApi(new PathString(path)))
            {
                return false;
            }

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = Describe(exception),
                Exception = exception,
            });
        }
    }
}
