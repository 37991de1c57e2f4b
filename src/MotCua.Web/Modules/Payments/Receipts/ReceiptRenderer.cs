using System.Globalization;
using MotCua.Web.Common.Pdf;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Modules.Payments.Receipts;

/// <summary>One line of a receipt: what was collected ("Lệ phí đăng ký khai sinh") and how much, in đồng.</summary>
public sealed record ReceiptLine(string Name, long Amount);

/// <summary>The collecting unit as its receipts name it.</summary>
public sealed record CollectingUnit(string Name, string? Address, string Place, string? ParentName);

/// <summary>Everything a receipt prints, already in Vietnamese and in Vietnam's time.</summary>
public sealed record ReceiptData(
    CollectingUnit Unit,
    string Series,
    string Number,
    string PayerName,
    string? PayerAddress,
    string ApplicationCode,
    string ProcedureName,
    string OrderRef,
    IReadOnlyList<ReceiptLine> Lines,
    string HowPaid,
    string? CollectedBy,
    DateTimeOffset PaidAt,
    string VerifyUrl,
    string? Refund,
    string? Account = null)
{
    public long Total => Lines.Sum(l => l.Amount);
}

/// <summary>
/// The electronic receipt of fees and charges (biên lai thu phí, lệ phí điện tử) as an A4 PDF. It carries what Decree
/// 11/2020/NĐ-CP (art. 32 of Decree 123/2020/NĐ-CP as amended) asks of a receipt: the collecting unit, the receipt's
/// form code, series and number, the payer, what was collected and how much (in figures and in words), when and how it
/// was paid, and who collected it.
/// </summary>
public static class ReceiptRenderer
{
    public const string Title = "Biên lai thu phí, lệ phí";

    /// <summary>Form code of a receipt without a printed face value (Circular 78/2021/TT-BTC: "01BLP0-001").</summary>
    public const string FormCode = "01BLP0-001";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Render(ReceiptData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var pdf = new PdfLayout(PdfLayout.A4);
        pdf.QrCodeOnFirstPage(data.VerifyUrl, "Quét mã để tra cứu hồ sơ");

        if (!string.IsNullOrWhiteSpace(data.Unit.ParentName))
        {
            pdf.Paragraph(SlipText.Upper(data.Unit.ParentName), TextStyle.Small, after: 0);
        }

        pdf.Paragraph([new Run("Đơn vị thu: ", TextStyle.Body), new Run(SlipText.InFull(data.Unit.Name), TextStyle.BodyBold)], after: 0);
        pdf.Field("Địa chỉ", data.Unit.Address);
        pdf.Paragraph([new Run("Mẫu số: ", TextStyle.Small), new Run(FormCode, TextStyle.SmallBold)], Align.Right, after: 0);
        pdf.Paragraph([new Run("Ký hiệu: ", TextStyle.Small), new Run(data.Series, TextStyle.SmallBold)], Align.Right, after: 0);
        pdf.Paragraph([new Run("Số: ", TextStyle.Small), new Run(data.Number, TextStyle.SmallBold)], Align.Right, after: 10);

        pdf.Title(Title, null);
        pdf.Paragraph("(Biên lai điện tử)", TextStyle.BodyItalic, Align.Center, after: 0);
        pdf.Paragraph(SlipText.PlaceAndDate(data.Unit.Place, data.PaidAt), TextStyle.BodyItalic, Align.Center, after: 12);

        pdf.Field("Họ và tên người nộp", data.PayerName);
        pdf.Field("Địa chỉ", data.PayerAddress);
        pdf.Field("Mã hồ sơ", data.ApplicationCode);
        pdf.Field("Thủ tục hành chính", data.ProcedureName);
        pdf.Space(4);

        var rows = data.Lines.Select((line, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), line.Name, Figures(line.Amount)])
            .Append(["", "Tổng cộng", Figures(data.Total)])
            .ToList();
        pdf.Table([new("STT", 0.7f, Align.Center), new("Nội dung thu", 6.3f), new("Số tiền (đồng)", 2.2f, Align.Right)], rows, TextStyle.Body, TextStyle.SmallBold);
        pdf.Paragraph([new Run("Số tiền bằng chữ: ", TextStyle.Body), new Run(AmountInWords.Dong(data.Total), TextStyle.BodyItalic)]);
        pdf.Field("Hình thức thanh toán", data.HowPaid);
        pdf.Field("Nộp vào tài khoản", data.Account);
        pdf.Field("Mã thanh toán", data.OrderRef);
        pdf.Field("Thời điểm thanh toán", SlipText.Time(data.PaidAt));
        if (data.Refund is { } refund)
        {
            pdf.Space(4);
            pdf.Paragraph([new Run("ĐÃ HOÀN TRẢ: ", TextStyle.BodyBold), new Run(refund, TextStyle.Body)]);
        }

        pdf.Signatures(null, new SignatureBlock("Người thu tiền", "(Biên lai điện tử, lập trên hệ thống một cửa điện tử)", data.CollectedBy ?? SlipText.InFull(data.Unit.Name)));
        return pdf.ToPdf($"{Title} {data.Series} số {data.Number} - {data.ApplicationCode}", data.Unit.Name, data.PaidAt);
    }

    /// <summary>"50.000".</summary>
    public static string Figures(long amount) => amount.ToString("#,0", Vietnamese);
}
