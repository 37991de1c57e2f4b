using System.Globalization;
using MotCua.Web.Common.Pdf;

namespace MotCua.Web.Modules.Applications.Slips;

/// <summary>
/// Renders the one-stop's slips (Circular 03/2025/TT-VPCP, annex I, forms 01-06) as A4 PDF:
/// national header, title, "Mã hồ sơ", the form's content, signatures and a QR code of the
/// public tracking page at the bottom right of the first page.
/// </summary>
public static class SlipRenderer
{
    private const string QrCaption = "Quét mã để tra cứu hồ sơ";

    private static readonly IReadOnlyList<string> UsualRecipients = ["- Như trên;", "- Lưu: VT, hồ sơ."];

    /// <summary>The slip as PDF bytes.</summary>
    public static byte[] Render(SlipKind kind, SlipData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Action<PdfLayout, SlipData> body = kind switch
        {
            SlipKind.Receipt => Receipt,
            SlipKind.SupplementRequest => SupplementRequest,
            SlipKind.Refusal => Refusal,
            SlipKind.Apology => Apology,
            SlipKind.StopNotice => StopNotice,
            SlipKind.ProcessingControl => ProcessingControl,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown slip kind."),
        };

        using var layout = new PdfLayout(PdfLayout.A4);
        if (!string.IsNullOrWhiteSpace(data.TrackingUrl))
        {
            layout.QrCodeOnFirstPage(data.TrackingUrl, QrCaption);
        }

        layout.NationalHeader(data.ParentUnitName, data.UnitName, SlipText.PlaceAndDate(data.PlaceName, data.IssuedAt));
        layout.Title(kind.Title(), data.ApplicationCode);
        body(layout, data);
        return layout.ToPdf($"Mẫu {kind.FormNumber()} - {kind.Title()} - {data.ApplicationCode}", data.UnitName, data.IssuedAt);
    }

    /// <summary>Form 01: receipt and appointment for the result.</summary>
    private static void Receipt(PdfLayout pdf, SlipData data)
    {
        DeskAndApplicant(pdf, data, "Tiếp nhận hồ sơ của");
        pdf.Paragraph("1. Thành phần hồ sơ nộp gồm:", TextStyle.Body);
        var rows = data.Documents
            .Select((d, i) => (IReadOnlyList<string>)[Ordinal(i + 1), d.Electronic ? $"{d.Name} (bản điện tử)" : d.Name, Count(d.Originals), Count(d.Copies)])
            .ToList();
        pdf.Table(
            [new("TT", 0.6f, Align.Center), new("Tên giấy tờ", 6.4f), new("Bản chính", 1.4f, Align.Center), new("Bản sao", 1.4f, Align.Center)],
            rows.Count > 0 ? rows : [["", "", "", ""]],
            TextStyle.Body,
            TextStyle.SmallBold);
        pdf.Paragraph([new("2. Số lượng hồ sơ: ", TextStyle.Body), new($"{Number(data.Sets)} (bộ)", TextStyle.BodyBold)]);
        pdf.Field("3. Thời hạn giải quyết hồ sơ theo quy định", data.TimeLimit);
        pdf.Field("4. Thời gian nhận hồ sơ", SlipText.Time(data.ReceivedAt));
        pdf.Field("5. Thời gian trả kết quả giải quyết hồ sơ", SlipText.Time(data.DueAt));
        pdf.Field("6. Đăng ký nhận kết quả tại", data.ResultCollection);
        if (!string.IsNullOrWhiteSpace(data.TrackingUrl))
        {
            pdf.Paragraph([new("Tra cứu tình trạng giải quyết hồ sơ tại: ", TextStyle.BodyItalic), new(data.TrackingUrl, TextStyle.BodyItalic)]);
        }

        if (!string.IsNullOrWhiteSpace(data.Hotline))
        {
            // The provincial directives ask for the feedback hotline on the receipt the citizen takes home.
            pdf.Paragraph([new("Phản ánh, kiến nghị về việc giải quyết hồ sơ: đường dây nóng ", TextStyle.BodyItalic), new(data.Hotline, TextStyle.BodyItalic)]);
        }

        pdf.Signatures(
            new SignatureBlock("Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", data.ApplicantName),
            new SignatureBlock("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", data.ReceivingOfficer));
    }

    /// <summary>Form 02: everything to supplement at once, each with its reason or legal basis.</summary>
    private static void SupplementRequest(PdfLayout pdf, SlipData data)
    {
        DeskAndApplicant(pdf, data, "Tiếp nhận hồ sơ của");
        if (data.ReceivedAt is not null)
        {
            pdf.Field("Thời gian nhận hồ sơ", SlipText.Time(data.ReceivedAt));
        }

        pdf.Paragraph("Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", TextStyle.Body);
        var rows = data.SupplementItems
            .Select((item, i) => (IReadOnlyList<string>)[Ordinal(i + 1), item.Name, item.Reason])
            .ToList();
        pdf.Table(
            [new("TT", 0.6f, Align.Center), new("Nội dung cần bổ sung, hoàn thiện", 4.7f), new("Lý do, căn cứ pháp lý", 4.5f)],
            rows.Count > 0 ? rows : [["", "", ""]],
            TextStyle.Body,
            TextStyle.SmallBold);
        pdf.Paragraph(
            "Thời hạn giải quyết hồ sơ được tính lại từ khi Ông/Bà nộp đủ hồ sơ đã bổ sung, hoàn thiện theo yêu cầu trên.",
            TextStyle.Body);
        pdf.Paragraph(
        [
            new("Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ", TextStyle.Body),
            new(SlipText.OrBlank(data.ContactOfficer), TextStyle.BodyBold),
            new(", số điện thoại ", TextStyle.Body),
            new(SlipText.OrBlank(data.ContactPhone ?? data.UnitPhone), TextStyle.BodyBold),
            new(" để được hướng dẫn.", TextStyle.Body),
        ]);
        pdf.Paragraph("Xin trân trọng cảm ơn!", TextStyle.BodyItalic);
        pdf.Signatures(null, new SignatureBlock("Người hướng dẫn", "(Ký và ghi rõ họ tên)", data.ContactOfficer ?? data.ReceivingOfficer));
    }

    /// <summary>Form 03: refusal, with the legal basis and the reason.</summary>
    private static void Refusal(PdfLayout pdf, SlipData data)
    {
        DeskAndApplicant(pdf, data, "Tiếp nhận hồ sơ của");
        if (data.ReceivedAt is not null)
        {
            pdf.Field("Thời gian nhận hồ sơ", SlipText.Time(data.ReceivedAt));
        }

        pdf.Paragraph(
        [
            new("Căn cứ quy định tại ", TextStyle.Body),
            new(SlipText.OrBlank(data.RefusalLegalBasis), TextStyle.BodyBold),
            new($", {data.UnitName} từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau:", TextStyle.Body),
        ]);
        pdf.Paragraph(SlipText.OrBlank(data.RefusalReason), TextStyle.BodyBold, indent: 14, after: 6);
        pdf.Paragraph("Xin thông báo để Ông/Bà được biết và thực hiện./.", TextStyle.BodyItalic);
        pdf.Signatures(null, new SignatureBlock("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", data.ReceivingOfficer));
    }

    /// <summary>Form 04: apology for the delay with a new date, signed by the head of the unit.</summary>
    private static void Apology(PdfLayout pdf, SlipData data)
    {
        Addressee(pdf, data);
        pdf.Paragraph(
        [
            new("Vào lúc ", TextStyle.Body),
            new(SlipText.Time(data.ReceivedAt), TextStyle.BodyBold),
            new($", {data.UnitName} đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: ", TextStyle.Body),
            new(data.ProcedureName, TextStyle.BodyBold),
            new(".", TextStyle.Body),
        ]);
        pdf.Field("Thời hạn trả kết quả giải quyết hồ sơ", SlipText.Time(data.OriginalDueAt ?? data.DueAt));
        pdf.Paragraph(
        [
            new($"Tuy nhiên, đến nay {data.UnitName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà. Lý do: ", TextStyle.Body),
            new(SlipText.OrBlank(data.DelayReason), TextStyle.BodyBold),
        ]);
        pdf.Paragraph(
        [
            new($"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. {data.UnitName} xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào: ", TextStyle.Body),
            new(SlipText.Time(data.NewDueAt), TextStyle.BodyBold),
            new(".", TextStyle.Body),
        ]);
        pdf.Paragraph("Xin trân trọng cảm ơn./.", TextStyle.BodyItalic);
        pdf.Signatures(null, HeadOfUnit(data), UsualRecipients);
    }

    /// <summary>Form 05: notice that processing stops, with the reason and legal basis.</summary>
    private static void StopNotice(PdfLayout pdf, SlipData data)
    {
        Addressee(pdf, data);
        pdf.Paragraph($"{data.UnitName} thông báo dừng giải quyết hồ sơ sau:", TextStyle.Body);
        pdf.Field("Mã hồ sơ", data.ApplicationCode, indent: 14);
        pdf.Field("Người nộp hồ sơ", data.ApplicantName, indent: 14);
        pdf.Field("Thủ tục hành chính", Procedure(data), indent: 14);
        pdf.Field("Thời gian nhận hồ sơ", SlipText.Time(data.ReceivedAt), indent: 14);
        pdf.Field("Lý do dừng giải quyết", data.StopReason);
        pdf.Field("Căn cứ pháp lý", data.StopLegalBasis);
        if (!string.IsNullOrWhiteSpace(data.ContactOfficer) || !string.IsNullOrWhiteSpace(data.ContactPhone))
        {
            pdf.Paragraph(
            [
                new("Mọi vướng mắc, Ông/Bà liên hệ với ", TextStyle.Body),
                new(SlipText.OrBlank(data.ContactOfficer), TextStyle.BodyBold),
                new(", số điện thoại ", TextStyle.Body),
                new(SlipText.OrBlank(data.ContactPhone ?? data.UnitPhone), TextStyle.BodyBold),
                new(" để được hướng dẫn.", TextStyle.Body),
            ]);
        }

        pdf.Paragraph($"{data.UnitName} thông báo để Ông/Bà được biết./.", TextStyle.BodyItalic);
        pdf.Signatures(null, HeadOfUnit(data), UsualRecipients);
    }

    /// <summary>Form 06: processing control, one row per hand-off; travels with the file.</summary>
    private static void ProcessingControl(PdfLayout pdf, SlipData data)
    {
        pdf.Paragraph("(Kèm theo hồ sơ của người nộp)", TextStyle.BodyItalic, Align.Center, after: 8);
        pdf.Field("Người nộp hồ sơ", data.ApplicantName);
        pdf.Field("Thủ tục hành chính", Procedure(data));
        pdf.Field("Thời gian nhận hồ sơ", SlipText.Time(data.ReceivedAt));
        pdf.Field("Thời gian hẹn trả kết quả", SlipText.Time(data.DueAt));
        pdf.Field("Cơ quan, đơn vị chủ trì giải quyết", data.LeadUnit);
        pdf.Field("Cơ quan, đơn vị phối hợp giải quyết", data.CoordinatingUnits.Count > 0 ? string.Join("; ", data.CoordinatingUnits) : "Không");
        pdf.Space(4);
        var rows = data.HandOffs
            .Select((h, i) => (IReadOnlyList<string>)
            [
                Ordinal(i + 1),
                $"{h.GiverUnit}\n{h.GiverName}",
                $"{h.ReceiverUnit}\n{h.ReceiverName}",
                SlipText.Time(h.HandedAt),
                h.StepDueAt is null ? "" : SlipText.Time(h.StepDueAt),
                h.Result ?? "",
                h.Note ?? "",
            ])
            .ToList();
        // An empty control slip still gets rows, to be filled in by hand.
        while (rows.Count < 4 && data.HandOffs.Count == 0)
        {
            rows.Add(["", "\n", "", "", "", "", ""]);
        }

        pdf.Table(
            [
                new("TT", 0.5f, Align.Center),
                new("Bên giao (đơn vị, người giao)", 2.2f),
                new("Bên nhận (đơn vị, người nhận)", 2.2f),
                new("Thời gian giao, nhận", 1.55f),
                new("Hạn xử lý của bước", 1.55f),
                new("Kết quả (trước, đúng, quá hạn)", 1.15f, Align.Center),
                new("Ghi chú", 1.15f),
            ],
            rows,
            TextStyle.Small,
            TextStyle.SmallBold);
    }

    // ------------------------------------------------------------------ shared pieces

    /// <summary>The desk, then who filed what (forms 01-03).</summary>
    private static void DeskAndApplicant(PdfLayout pdf, SlipData data, string applicantLabel)
    {
        pdf.Field("Bộ phận tiếp nhận và trả kết quả", data.UnitName);
        if (!string.IsNullOrWhiteSpace(data.UnitAddress) || !string.IsNullOrWhiteSpace(data.UnitPhone))
        {
            pdf.Paragraph(
                $"Địa chỉ: {SlipText.OrBlank(data.UnitAddress)}; điện thoại: {SlipText.OrBlank(data.UnitPhone)}",
                TextStyle.Body);
        }

        pdf.Field(applicantLabel, data.ApplicantName);
        pdf.Field("Địa chỉ", data.ApplicantAddress);
        pdf.Paragraph(
        [
            new("Số điện thoại: ", TextStyle.Body),
            new(SlipText.OrBlank(data.ApplicantPhone), TextStyle.BodyBold),
            new("; Email: ", TextStyle.Body),
            new(SlipText.OrBlank(data.ApplicantEmail), TextStyle.BodyBold),
        ]);
        pdf.Field("Nội dung yêu cầu giải quyết", Procedure(data));
        pdf.Space(2);
    }

    private static void Addressee(PdfLayout pdf, SlipData data)
    {
        pdf.Paragraph([new("Kính gửi: ", TextStyle.Body), new(data.ApplicantName, TextStyle.BodyBold)], Align.Center, after: 1);
        if (!string.IsNullOrWhiteSpace(data.ApplicantAddress))
        {
            pdf.Paragraph($"Địa chỉ: {data.ApplicantAddress}", TextStyle.Body, Align.Center);
        }

        pdf.Space(6);
    }

    private static SignatureBlock HeadOfUnit(SlipData data) =>
        new(data.SignerTitle ?? "Thủ trưởng cơ quan", "(Ký, ghi rõ họ tên và đóng dấu)", data.SignerName);

    private static string Procedure(SlipData data) =>
        string.IsNullOrWhiteSpace(data.ProcedureCode) ? data.ProcedureName : $"{data.ProcedureName} (mã thủ tục: {data.ProcedureCode})";

    /// <summary>Counts on the forms take two digits: "01", "12".</summary>
    private static string Number(int value) => value.ToString("00", CultureInfo.InvariantCulture);

    private static string Ordinal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int value) => value > 0 ? Number(value) : "";
}
