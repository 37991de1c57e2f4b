namespace MotCua.Web.Modules.Applications.Domain;

/// <summary>What someone does to an application. The API spells them in kebab case (<see cref="ApplicationActions.Name"/>).</summary>
public enum ApplicationAction
{
    Submit,
    Receive,
    Refuse,
    RequestSupplement,
    Supplement,
    Forward,
    Approve,
    Reject,
    RequestPayment,
    PaymentConfirmed,
    ReturnResult,
    Withdraw,
    ConfirmWithdrawal,
    Suspend,
    Resume,

    /// <summary>The apology and new date (form 04) for an application that will be or is late.</summary>
    Apologize,

    /// <summary>The unit handling it merged or was dissolved: the application moved to its successor (never asked for).</summary>
    TransferUnit,
}

public static class ApplicationActions
{
    private static readonly Dictionary<ApplicationAction, string> Names = new()
    {
        [ApplicationAction.Submit] = "submit",
        [ApplicationAction.Receive] = "receive",
        [ApplicationAction.Refuse] = "refuse",
        [ApplicationAction.RequestSupplement] = "request-supplement",
        [ApplicationAction.Supplement] = "supplement",
        [ApplicationAction.Forward] = "forward",
        [ApplicationAction.Approve] = "approve",
        [ApplicationAction.Reject] = "reject",
        [ApplicationAction.RequestPayment] = "request-payment",
        [ApplicationAction.PaymentConfirmed] = "payment-confirmed",
        [ApplicationAction.ReturnResult] = "return-result",
        [ApplicationAction.Withdraw] = "withdraw",
        [ApplicationAction.ConfirmWithdrawal] = "confirm-withdrawal",
        [ApplicationAction.Suspend] = "suspend",
        [ApplicationAction.Resume] = "resume",
        [ApplicationAction.Apologize] = "apologize",
        [ApplicationAction.TransferUnit] = "transfer-unit",
    };

    private static readonly Dictionary<string, ApplicationAction> ByName = Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<ApplicationAction> All => Names.Keys;

    public static string Name(this ApplicationAction action) => Names[action];

    public static bool TryParse(string? name, out ApplicationAction action) => ByName.TryGetValue(name ?? string.Empty, out action);

    public static string Vietnamese(this ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => "Nộp hồ sơ",
        ApplicationAction.Receive => "Tiếp nhận hồ sơ",
        ApplicationAction.Refuse => "Từ chối tiếp nhận",
        ApplicationAction.RequestSupplement => "Yêu cầu bổ sung hồ sơ",
        ApplicationAction.Supplement => "Bổ sung hồ sơ",
        ApplicationAction.Forward => "Chuyển bước xử lý",
        ApplicationAction.Approve => "Phê duyệt kết quả",
        ApplicationAction.Reject => "Từ chối giải quyết",
        ApplicationAction.RequestPayment => "Yêu cầu thực hiện nghĩa vụ tài chính",
        ApplicationAction.PaymentConfirmed => "Đã thanh toán",
        ApplicationAction.ReturnResult => "Trả kết quả",
        ApplicationAction.Withdraw => "Rút hồ sơ",
        ApplicationAction.ConfirmWithdrawal => "Xác nhận rút hồ sơ",
        ApplicationAction.Suspend => "Dừng xử lý",
        ApplicationAction.Resume => "Tiếp tục xử lý",
        ApplicationAction.Apologize => "Xin lỗi và hẹn lại ngày trả kết quả",
        ApplicationAction.TransferUnit => "Chuyển đơn vị giải quyết do sắp xếp đơn vị hành chính",
        _ => action.ToString(),
    };
}
