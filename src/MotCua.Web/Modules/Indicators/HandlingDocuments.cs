using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using MotCua.Web.Common.Pdf;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>
/// The handling report (form 06a style) as files: a landscape A4 PDF with the table's two header rows repeated on every
/// page, and a workbook with the same headings and numbers.
/// </summary>
public static class HandlingDocuments
{
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";

    public const string Title = "Báo cáo tình hình giải quyết thủ tục hành chính";
    public const string ReceivedHeading = "Số hồ sơ nhận giải quyết";
    public const string ResolvedHeading = "Số hồ sơ đã giải quyết";
    public const string PendingHeading = "Số hồ sơ đang giải quyết";
    public const string SheetName = "Tình hình giải quyết";

    /// <summary>
    /// How the columns are counted, printed under the table, shown on the page and said in ADR 0023.
    /// </summary>
    public const string Note =
        "Tổng số nhận giải quyết = số từ kỳ trước chuyển sang + số mới tiếp nhận trong kỳ (trực tuyến, trực tiếp, qua dịch vụ bưu chính). "
        + "Số đang giải quyết tính đến hết ngày cuối kỳ; quá hạn là đã qua ngày hẹn trả mà chưa giải quyết xong. "
        + "Hồ sơ rút sau khi đã tiếp nhận không tính vào số đã giải quyết hay đang giải quyết.";

    /// <summary>The column headers under their headings, in order; the same in the PDF, the workbook and the page.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "STT", "Lĩnh vực",
        "Tổng số", "Từ kỳ trước chuyển sang", "Mới tiếp nhận trực tuyến", "Mới tiếp nhận trực tiếp", "Mới tiếp nhận qua dịch vụ bưu chính",
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Tổng số", "Trong hạn", "Quá hạn",
    ];

    private static readonly float[] PdfWeights = [22, 110, 44, 52, 52, 52, 56, 44, 44, 44, 44, 44, 44, 44];

    private static readonly double[] ExcelWidths = [6, 32, 10, 14, 14, 14, 16, 10, 10, 10, 10, 10, 10, 10];

    public static string FileName(HandlingSheet sheet, string format)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return $"tinh-hinh-giai-quyet-{sheet.UnitId}-{sheet.From}-{sheet.To}.{format}";
    }

    /// <summary>"Từ ngày 01/11/2026 đến ngày 30/11/2026".</summary>
    public static string Period(HandlingSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return $"Từ ngày {Date(sheet.From)} đến ngày {Date(sheet.To)}";
    }

    /// <summary>One row's numbers in the columns' order after STT and the field.</summary>
    public static IReadOnlyList<long> Numbers(HandlingLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return
        [
            line.Received.Total, line.Received.CarriedOver, line.Received.Online, line.Received.Counter, line.Received.Postal,
            line.Resolved.Total, line.Resolved.Early, line.Resolved.OnTime, line.Resolved.Late,
            line.Pending.Total, line.Pending.WithinTime, line.Pending.Overdue,
        ];
    }

    public static byte[] RenderPdf(HandlingSheet sheet, string parentName, LocalDate madeOn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        using var layout = new PdfLayout(PdfLayout.A4Landscape, landscape: true);
        var made = new DateTimeOffset(madeOn.Year, madeOn.Month, madeOn.Day, 0, 0, 0, TimeSpan.FromHours(7));
        layout.NationalHeader(parentName, sheet.UnitName, null);
        layout.Title(Title, null);
        layout.Paragraph($"Đơn vị: {SlipText.Nfc(sheet.UnitName)} và các đơn vị trực thuộc", TextStyle.Body, Align.Center, after: 2);
        layout.Paragraph("Kỳ báo cáo: " + Period(sheet).ToLower(vi), TextStyle.BodyItalic, Align.Center, after: 2);
        layout.Paragraph($"Ngày lập: {SlipText.Date(made)}", TextStyle.BodyItalic, Align.Center, after: 10);
        var columns = Columns.Select((header, i) => new TableColumn(header, PdfWeights[i], i == 0 ? Align.Center : i == 1 ? Align.Left : Align.Right)).ToList();
        var cells = sheet.Fields.Select((line, i) => Row((i + 1).ToString(CultureInfo.InvariantCulture), line))
            .Append(Row("", sheet.Total))
            .ToList();
        var body = new TextStyle(FontFace.Regular, 9);
        var head = new TextStyle(FontFace.Bold, 8.5f);
        layout.Table(columns, cells, body, head, groups:
        [
            new TableGroup(null, 2), new TableGroup(ReceivedHeading, 5), new TableGroup(ResolvedHeading, 4), new TableGroup(PendingHeading, 3),
        ]);
        layout.Paragraph("Ghi chú: " + Note, TextStyle.SmallItalic);
        return layout.ToPdf($"{Title} - {sheet.UnitName} - {Period(sheet)}", sheet.UnitName, made);

        IReadOnlyList<string> Row(string number, HandlingLine line) =>
            [number, line.Field, .. Numbers(line).Select(n => n.ToString("N0", vi))];
    }

    /// <summary>
    /// The workbook: the title, unit, period and date made on rows 1–4, the headings on row 5, the column headers on row
    /// 6, then a row per field and the total row (numbers as numbers), and the note.
    /// </summary>
    public static byte[] RenderExcel(HandlingSheet sheet, LocalDate madeOn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var keys = Enumerable.Range(0, Columns.Count).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var rows = new List<Dictionary<string, object?>>
        {
            Line(keys, SlipText.Upper(Title)),
            Line(keys, $"Đơn vị: {SlipText.Nfc(sheet.UnitName)} và các đơn vị trực thuộc"),
            Line(keys, "Kỳ báo cáo: " + Period(sheet)),
            Line(keys, "Ngày lập: " + madeOn.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture)),
            Line(keys, null, null, ReceivedHeading, null, null, null, null, ResolvedHeading, null, null, null, PendingHeading),
            Line(keys, [.. Columns]),
        };
        rows.AddRange(sheet.Fields.Select((line, i) => Line(keys, [i + 1, SlipText.Nfc(line.Field), .. Numbers(line).Cast<object?>()])));
        rows.Add(Line(keys, [null, sheet.Total.Field, .. Numbers(sheet.Total).Cast<object?>()]));
        rows.Add(Line(keys, "Ghi chú: " + Note));
        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            EnableWriteNullValueCell = true,
            DynamicColumns = keys.Select((key, i) => new DynamicExcelColumn(key) { Width = ExcelWidths[i] }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: SheetName, excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }

    private static string Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Line(string[] keys, params object?[] values)
    {
        var line = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            line[keys[i]] = i < values.Length ? values[i] : null;
        }

        return line;
    }
}
