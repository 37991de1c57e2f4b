using System.Globalization;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Notifications.Domain;

/// <summary>
/// The Vietnamese the applicant reads for each event of their application, in plain words. Steps inside the office
/// (forward, the hand-over to the first processing step) say nothing: the applicant acts on results, not on routing.
/// </summary>
public static class ApplicationEventTexts
{
    public static NotificationText? For(ApplicationEventMessage e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var what = $"Hồ sơ {e.Code} ({e.ProcedureName})";
        var note = string.IsNullOrWhiteSpace(e.Note) ? string.Empty : $" Ghi chú: {e.Note}";
        return (e.Action, e.ToStatus) switch
        {
            ("submit", ApplicationStatus.Submitted) => new("Đã gửi hồ sơ",
                $"{what} đã được gửi đến bộ phận một cửa và đang chờ tiếp nhận.{Due(e.DueAt, " Ngày hẹn trả dự kiến: ")}"),
            ("receive", ApplicationStatus.Received) => new("Hồ sơ đã được tiếp nhận",
                $"{what} đã được tiếp nhận.{Due(e.DueAt, " Ngày hẹn trả kết quả: ")}{note}"),
            ("refuse", _) => new("Hồ sơ không được tiếp nhận", $"{what} không được tiếp nhận.{note}"),
            ("request-supplement", _) => new("Hồ sơ cần bổ sung",
                $"{what} cần bổ sung: {string.Join("; ", e.SupplementItems ?? [])}. Thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung.{note}"),
            ("approve", ApplicationStatus.ResultReady) => new("Hồ sơ đã có kết quả", $"{what} đã có kết quả. Xem cách nhận kết quả trên trang hồ sơ.{note}"),
            ("reject", _) => new("Hồ sơ bị từ chối giải quyết", $"{what} bị từ chối giải quyết.{note}"),
            ("request-payment", _) => new("Cần nộp phí, lệ phí", $"{what} cần nộp phí, lệ phí để tiếp tục giải quyết.{note}"),
            ("return-result", _) => new("Đã trả kết quả", $"{what} đã được trả kết quả.{note}"),
            (_, ApplicationStatus.Withdrawn) => new("Hồ sơ đã được rút", $"{what} đã được rút theo đề nghị của bạn."),
            ("withdraw", ApplicationStatus.WithdrawalRequested) => new("Đã gửi đề nghị rút hồ sơ", $"Đề nghị rút {what} đã được gửi đến bộ phận một cửa."),
            ("suspend", _) => new("Hồ sơ tạm dừng giải quyết", $"{what} tạm dừng giải quyết.{note}"),
            ("resume", _) => new("Hồ sơ được giải quyết tiếp", $"{what} được tiếp tục giải quyết."),
            ("apologize", _) => new("Thư xin lỗi và hẹn lại ngày trả kết quả",
                $"Cơ quan giải quyết xin lỗi vì {what} chưa có kết quả đúng hẹn.{Due(e.NewDueAt, " Ngày hẹn trả mới: ")}{note}"),
            _ => null,
        };
    }

    private static string Due(DateTimeOffset? at, string lead) =>
        at is { } due ? lead + due.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) + "." : string.Empty;
}
