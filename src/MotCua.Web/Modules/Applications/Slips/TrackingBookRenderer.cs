using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using MotCua.Web.Common.Pdf;

namespace MotCua.Web.Modules.Applications.Slips;

/// <summary>One application in the tracking book (form 07). Times are already in Vietnam time.</summary>
public sealed record TrackingBookRow(
    int Number,
    string ApplicationCode,
    string ProcedureName,
    int Sets,
    string ApplicantName,
    string? Contact,
    string LeadUnit,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? TransferredAt,
    DateTimeOffset? ResultAt,
    DateTimeOffset? ReturnedAt,
    string? Note);

/// <summary>
/// The tracking book, Sổ theo dõi hồ sơ (Circular 03/2025/TT-VPCP, annex I, form 07), as a
/// landscape A4 PDF whose table header repeats on every page, and as an Excel workbook.
/// </summary>
public static class TrackingBookRenderer
{
    private const string Title = "SỔ THEO DÕI HỒ SƠ";

    /// <summary>Column headers of form 07, in order; the same in the PDF and in Excel.</summary>
    internal static readonly IReadOnlyList<string> Headers =
    [
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục hành chính",
        "Số lượng hồ sơ (bộ)",
        "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết",
        "Nhận kết quả từ cơ quan giải quyết",
        "Trả kết quả cho cá nhân, tổ chức",
        "Ký nhận",
        "Ghi chú",
    ];

    // Points on landscape A4 (742 wide); times take two lines, "09:05" over "24/11/2026".
    private static readonly float[] PdfWeights = [22, 72, 86, 30, 64, 70, 60, 52, 52, 52, 52, 52, 34, 44];

    private static readonly double[] ExcelWidths = [6, 28, 40, 10, 24, 28, 26, 17, 17, 17, 17, 17, 10, 20];

    /// <summary>The book for <paramref name="from"/>–<paramref name="to"/> as landscape A4 PDF bytes.</summary>
    public static byte[] RenderPdf(string unitName, string parentLine, DateOnly from, DateOnly to, IReadOnlyList<TrackingBookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var layout = new PdfLayout(PdfLayout.A4Landscape, landscape: true);
        layout.NationalHeader(parentLine, unitName, null);
        layout.Title(Title, null);
        layout.Paragraph(Period(from, to), TextStyle.BodyItalic, Align.Center, after: 10);
        var columns = Headers
            .Select((header, i) => new TableColumn(header, PdfWeights[i], i is 0 or 3 ? Align.Center : Align.Left))
            .ToList();
        var cells = rows.Select(row => (IReadOnlyList<string>)
            [
                row.Number.ToString(CultureInfo.InvariantCulture),
                row.ApplicationCode,
                row.ProcedureName,
                row.Sets.ToString(CultureInfo.InvariantCulture),
                row.ApplicantName,
                row.Contact ?? "",
                row.LeadUnit,
                SlipText.ShortTime(row.ReceivedAt),
                SlipText.ShortTime(row.DueAt),
                SlipText.ShortTime(row.TransferredAt),
                SlipText.ShortTime(row.ResultAt),
                SlipText.ShortTime(row.ReturnedAt),
                "",
                row.Note ?? "",
            ])
            .ToList();
        var body = new TextStyle(FontFace.Regular, 7.5f);
        var head = new TextStyle(FontFace.Bold, 7.5f);
        layout.Table(columns, cells, body, head);
        var createdAt = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        return layout.ToPdf($"{Title} - {unitName} - {Period(from, to)}", unitName, createdAt);
    }

    /// <summary>
    /// The book as .xlsx bytes: the title on row 1, the unit and period on row 2, the column
    /// headers of form 07 on row 3, then one row per application (times as Excel date-times).
    /// </summary>
    public static byte[] RenderExcel(string unitName, string parentLine, DateOnly from, DateOnly to, IReadOnlyList<TrackingBookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = Enumerable.Range(0, Headers.Count).Select(ColumnName).ToArray();
        var sheet = new List<Dictionary<string, object?>>
        {
            Line(keys, Title),
            Line(keys, $"{SlipText.Upper(unitName)} ({SlipText.Upper(parentLine)}) - {Period(from, to)}"),
            Line(keys, Headers.Cast<object?>().ToArray()),
        };
        foreach (var row in rows)
        {
            sheet.Add(Line(
                keys,
                row.Number,
                SlipText.Nfc(row.ApplicationCode),
                SlipText.Nfc(row.ProcedureName),
                row.Sets,
                SlipText.Nfc(row.ApplicantName),
                row.Contact is null ? null : SlipText.Nfc(row.Contact),
                SlipText.Nfc(row.LeadUnit),
                row.ReceivedAt.DateTime,
                row.DueAt.DateTime,
                row.TransferredAt?.DateTime,
                row.ResultAt?.DateTime,
                row.ReturnedAt?.DateTime,
                null,
                row.Note is null ? null : SlipText.Nfc(row.Note)));
        }

        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            EnableWriteNullValueCell = true,
            DynamicColumns = keys
                .Select((key, i) => new DynamicExcelColumn(key)
                {
                    Width = ExcelWidths[i],
                    Format = i is >= 7 and <= 11 ? "HH:mm dd/MM/yyyy" : null,
                })
                .ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: "Sổ theo dõi hồ sơ", excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }

    private static string Period(DateOnly from, DateOnly to) => $"Từ ngày {SlipText.Date(from)} đến ngày {SlipText.Date(to)}";

    private static Dictionary<string, object?> Line(string[] keys, params object?[] values)
    {
        var line = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            line[keys[i]] = i < values.Length ? values[i] : null;
        }

        return line;
    }

    /// <summary>A, B, … Z (the book has 14 columns).</summary>
    private static string ColumnName(int index) => ((char)('A' + index)).ToString();
}
