using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Common.Errors;

/// <summary>The page people see instead of a stack trace or a bare status code.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorPageModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;

    // After an exception the handler has already set the status the failure deserves (ApiErrors.StatusFor).
    public void OnGet(int? status) => Describe(status ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500));

    public void OnPost(int? status) => OnGet(status);

    private void Describe(int status)
    {
        (Heading, Explanation) = status switch
        {
            404 => ("Không tìm thấy trang", "Địa chỉ bạn mở không có hoặc đã thay đổi. Hãy kiểm tra lại địa chỉ, hoặc tìm thủ tục từ trang chủ."),
            403 => ("Bạn không có quyền xem trang này", "Trang này dành cho tài khoản có quyền khác. Nếu bạn nghĩ đây là nhầm lẫn, hãy liên hệ quản trị đơn vị."),
            400 => ("Yêu cầu không hợp lệ", "Trang đã hết hạn hoặc dữ liệu gửi lên không đúng. Hãy tải lại trang và thử lần nữa."),
            405 => ("Yêu cầu không hợp lệ", "Trang này không nhận thao tác vừa gửi. Hãy quay lại trang trước và thử lần nữa."),
            413 => ("Tệp hoặc dữ liệu quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép. Mỗi tệp đính kèm tối đa 10 MB."),
            415 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng định dạng. Hãy tải lại trang và thử lần nữa."),
            429 => ("Bạn thao tác quá nhanh", RetryAfterText()),
            _ => ("Hệ thống đang gặp sự cố", "Chúng tôi đã ghi nhận lỗi. Vui lòng thử lại sau ít phút; dữ liệu bạn đã gửi thành công không bị mất."),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
    }

    private string RetryAfterText() =>
        int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds) && seconds > 0
            ? $"Để bảo vệ tài khoản và dữ liệu, hệ thống tạm dừng nhận yêu cầu từ máy của bạn. Vui lòng thử lại sau {seconds} giây."
            : "Để bảo vệ tài khoản và dữ liệu, hệ thống tạm dừng nhận yêu cầu từ máy của bạn. Vui lòng chờ một phút rồi thử lại.";
}
