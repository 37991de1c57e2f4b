using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Reconciliation;

/// <summary>The reconciliation's terms in Vietnamese, the same on the page (which translates them) and in the Excel file.</summary>
public static class ReconciliationWords
{
    public static string Of(Difference difference) => difference switch
    {
        Difference.None => "Khớp",
        Difference.OnlyAtGateway => "Chỉ có ở cổng thanh toán",
        Difference.OnlyInMotCua => "Chỉ có ở hệ thống một cửa",
        Difference.AmountDiffers => "Lệch số tiền",
        Difference.StatusDiffers => "Lệch trạng thái",
        _ => "Chưa đối soát được",
    };

    public static string Of(PaymentStatus? status) => status switch
    {
        null => "—",
        PaymentStatus.Created or PaymentStatus.Pending => "Đang chờ cổng thanh toán",
        PaymentStatus.Paid => "Đã thanh toán",
        PaymentStatus.Failed => "Không thành công",
        PaymentStatus.Expired => "Hết hạn",
        _ => "Đã hoàn trả",
    };

    public static string Of(GatewayState? state) => state switch
    {
        null => "—",
        GatewayState.Paid => "Đã thanh toán",
        GatewayState.Failed => "Không thành công",
        _ => "Đang xử lý",
    };

    public static string Of(PaymentMethod method) => method switch
    {
        PaymentMethod.Online => "Trực tuyến",
        PaymentMethod.Cash => "Tiền mặt",
        PaymentMethod.Card => "Thẻ",
        PaymentMethod.Postal => "Thu hộ qua bưu chính",
        _ => "Chuyển khoản",
    };
}
