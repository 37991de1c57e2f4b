using MiniExcelLibs;

namespace MotCua.Web.Modules.Payments.Reconciliation;

/// <summary>The reconciliation as an Excel workbook: the online payments against the gateway, the desk's fees, the sums.</summary>
public static class ReconciliationExcel
{
    public const string OnlineSheet = "Trực tuyến";
    public const string DeskSheet = "Tại quầy";
    public const string TotalsSheet = "Tổng hợp";

    public static byte[] Render(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var online = report.Online.Select(r => new Dictionary<string, object?>
        {
            ["Mã thanh toán"] = r.OrderRef,
            ["Mã hồ sơ"] = r.ApplicationCode,
            ["Số tiền (hệ thống)"] = r.Amount,
            ["Trạng thái (hệ thống)"] = ReconciliationWords.Of(r.Status),
            ["Số tiền (cổng)"] = r.GatewayAmount,
            ["Trạng thái (cổng)"] = ReconciliationWords.Of(r.GatewayStatus),
            ["Mã giao dịch (cổng)"] = r.GatewayTransactionNo,
            ["Chênh lệch"] = ReconciliationWords.Of(r.Difference),
        }).ToList();
        var desk = report.Desk.Select(d => new Dictionary<string, object?>
        {
            ["Mã thanh toán"] = d.OrderRef,
            ["Mã hồ sơ"] = d.ApplicationCode,
            ["Số tiền"] = d.Amount,
            ["Cách thu"] = ReconciliationWords.Of(d.Method),
            ["Cán bộ thu"] = d.RecordedBy,
            ["Lúc"] = d.PaidAt.ToString("HH':'mm dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Trạng thái"] = ReconciliationWords.Of(d.Status),
            ["Biên lai"] = d.Receipt,
        }).ToList();
        var t = report.Totals;
        var totals = new List<Dictionary<string, object?>>
        {
            Sum("Đơn vị", report.UnitName),
            Sum("Ngày", report.Date),
            Sum("Trực tuyến, theo hệ thống (đồng)", t.OnlineRecorded),
            Sum("Trực tuyến, theo cổng thanh toán (đồng)", t.OnlineAtGateway),
            Sum("Số dòng chênh lệch", t.Differences),
            Sum("Tiền mặt (đồng)", t.Cash),
            Sum("Thẻ (đồng)", t.Card),
            Sum("Chuyển khoản (đồng)", t.Transfer),
            Sum("Thu hộ qua bưu chính (đồng)", t.Postal),
            Sum("Tại quầy, cộng (đồng)", t.Desk),
        };
        if (!report.GatewayReached)
        {
            totals.Add(Sum("Lưu ý", "Chưa lấy được số liệu của cổng thanh toán; các dòng trực tuyến chưa được đối soát."));
        }

        var sheets = new Dictionary<string, object>
        {
            [OnlineSheet] = online.Count > 0 ? online : [Empty(OnlineHeaders)],
            [DeskSheet] = desk.Count > 0 ? desk : [Empty(DeskHeaders)],
            [TotalsSheet] = totals,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static readonly string[] OnlineHeaders =
        ["Mã thanh toán", "Mã hồ sơ", "Số tiền (hệ thống)", "Trạng thái (hệ thống)", "Số tiền (cổng)", "Trạng thái (cổng)", "Mã giao dịch (cổng)", "Chênh lệch"];

    private static readonly string[] DeskHeaders = ["Mã thanh toán", "Mã hồ sơ", "Số tiền", "Cách thu", "Cán bộ thu", "Lúc", "Trạng thái", "Biên lai"];

    private static Dictionary<string, object?> Sum(string name, object value) => new() { ["Mục"] = name, ["Giá trị"] = value };

    /// <summary>A sheet with its headers and one empty row, so an empty day still names its columns.</summary>
    private static Dictionary<string, object?> Empty(string[] headers) => headers.ToDictionary(h => h, _ => (object?)null);
}
