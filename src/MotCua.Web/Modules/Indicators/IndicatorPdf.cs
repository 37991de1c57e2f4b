using System.Globalization;
using MotCua.Web.Common.Pdf;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Indicators;

/// <summary>
/// The indicators report as an A4 landscape PDF, in the layout a province office sends upward: for the unit and each
/// unit below it, every indicator with its value, numerator and denominator, target and level; then the ranking.
/// </summary>
public static class IndicatorPdf
{
    public const string ContentType = "application/pdf";
    public const string Title = "Báo cáo kết quả thực hiện các chỉ số";

    private static readonly float[] Weights = [2.2f, 3.4f, 1f, 1.4f, 1.2f, 1.1f];

    public static string FileName(IndicatorSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return $"chi-so-{sheet.UnitId}-{sheet.From}-{sheet.To}.pdf";
    }

    public static byte[] Render(
        IndicatorSheet sheet, IReadOnlyList<(UnitCard Unit, IReadOnlyList<IndicatorValue> Values)> below, IReadOnlyList<RankedUnit> ranking, string parentName, LocalDate madeOn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(below);
        ArgumentNullException.ThrowIfNull(ranking);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var made = new DateTimeOffset(madeOn.Year, madeOn.Month, madeOn.Day, 0, 0, 0, TimeSpan.FromHours(7));
        var (from, to) = (NodaTime.Text.LocalDatePattern.Iso.Parse(sheet.From).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(sheet.To).Value);
        using var layout = new PdfLayout(PdfLayout.A4Landscape, landscape: true);
        layout.NationalHeader(parentName, sheet.UnitName, null);
        layout.Title(Title, null);
        layout.Paragraph($"Đơn vị: {SlipText.Nfc(sheet.UnitName)} và các đơn vị trực thuộc", TextStyle.Body, Align.Center, after: 2);
        layout.Paragraph($"Kỳ báo cáo: từ ngày {SlipText.Date(from.ToDateOnly())} đến ngày {SlipText.Date(to.ToDateOnly())}", TextStyle.BodyItalic, Align.Center, after: 2);
        layout.Paragraph($"Ngày lập: {SlipText.Date(made)}", TextStyle.BodyItalic, Align.Center, after: 10);

        string Percent(decimal? value) => value is decimal v ? v.ToString("0.##", vi) + " %" : "—";
        string Target(IndicatorValue v) => v.Target is not decimal t ? "—" : v.TargetKind == TargetKind.Count ? $"≥ {t.ToString("N0", vi)} hồ sơ" : "≥ " + Percent(t);
        string LevelOf(IndicatorValue v) => v.Level is { } level ? LevelThresholds.Name(Enum.Parse<Level>(level, ignoreCase: true)) : "—";
        IEnumerable<IReadOnlyList<string>> Rows(string unit, IEnumerable<IndicatorValue> values) => values.Select((v, i) => (IReadOnlyList<string>)
            [i == 0 ? SlipText.Nfc(unit) : string.Empty, v.Name, Percent(v.Value), $"{v.Numerator.ToString("N0", vi)} / {v.Denominator.ToString("N0", vi)}", Target(v), LevelOf(v)]);

        var columns = new[] { "Đơn vị", "Chỉ số", "Giá trị", "Tử số / mẫu số", "Mục tiêu", "Mức" }
            .Select((header, i) => new TableColumn(header, Weights[i], i is 0 or 1 ? Align.Left : Align.Right)).ToList();
        var rows = Rows(sheet.UnitName, sheet.Indicators).Concat(below.SelectMany(b => Rows(b.Unit.Name, b.Values))).ToList();
        var body = new TextStyle(FontFace.Regular, 9);
        var head = new TextStyle(FontFace.Bold, 9);
        layout.Table(columns, rows, body, head);

        if (ranking.Any(r => r.Score is not null))
        {
            layout.Paragraph("Xếp hạng các đơn vị trực thuộc", TextStyle.BodyBold, after: 4);
            var rankColumns = new[] { "Xếp hạng", "Đơn vị", "Điểm", "Mục tiêu đạt", "Mục tiêu không đạt" }
                .Select((header, i) => new TableColumn(header, i == 1 ? 4f : 1.2f, i == 1 ? Align.Left : Align.Right)).ToList();
            layout.Table(rankColumns, ranking.Select(r => (IReadOnlyList<string>)
            [
                r.Score is null ? "—" : r.Rank.ToString(CultureInfo.InvariantCulture), SlipText.Nfc(r.UnitName), r.Score is decimal s ? s.ToString("0.##", vi) : "Chưa có mục tiêu",
                r.TargetsMet.ToString(CultureInfo.InvariantCulture), r.TargetsMissed.ToString(CultureInfo.InvariantCulture),
            ]).ToList(), body, head);
        }

        layout.Paragraph("Số liệu tính theo ngày tiếp nhận, ngày giải quyết xong hoặc ngày trả kết quả của hồ sơ, trên cây đơn vị vào ngày cuối kỳ.", TextStyle.SmallItalic);
        return layout.ToPdf($"{Title} - {sheet.UnitName} - {sheet.From} – {sheet.To}", sheet.UnitName, made);
    }
}
