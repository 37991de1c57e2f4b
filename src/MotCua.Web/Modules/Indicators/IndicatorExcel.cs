using MiniExcelLibs;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.Web.Modules.Indicators;

/// <summary>
/// The indicators of a unit and of each unit below it as a workbook, in the layout a province office sends upward (unit,
/// indicator, value, target, level), with the ranking on its own sheet.
/// </summary>
public static class IndicatorExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string IndicatorSheet = "Chỉ số";
    public const string RankingSheet = "Xếp hạng";

    public static string FileName(IndicatorSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return $"chi-so-{sheet.UnitId}-{sheet.From}-{sheet.To}.xlsx";
    }

    public static byte[] Render(IndicatorSheet sheet, IReadOnlyList<(UnitCard Unit, IReadOnlyList<IndicatorValue> Values)> below, IReadOnlyList<RankedUnit> ranking)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(below);
        ArgumentNullException.ThrowIfNull(ranking);
        var rows = new List<Dictionary<string, object?>>();
        void Add(string unit, IEnumerable<IndicatorValue> values) => rows.AddRange(values.Select(v => new Dictionary<string, object?>
        {
            ["Đơn vị"] = unit,
            ["Từ ngày"] = sheet.From,
            ["Đến ngày"] = sheet.To,
            ["Mã chỉ số"] = v.Id,
            ["Chỉ số"] = v.Name,
            ["Cách tính"] = v.Variant,
            ["Tử số"] = v.Numerator,
            ["Mẫu số"] = v.Denominator,
            ["Giá trị (%)"] = v.Value,
            ["Mục tiêu"] = v.Target,
            ["Loại mục tiêu"] = v.TargetKind switch { TargetKind.Rate => "Tỷ lệ (%)", TargetKind.Count => "Số lượng", _ => null },
            ["Mức"] = v.Level is { } level ? LevelThresholds.Name(Enum.Parse<Level>(level, ignoreCase: true)) : null,
        }));
        Add(sheet.UnitName, sheet.Indicators);
        foreach (var (unit, values) in below)
        {
            Add(unit.Name, values);
        }

        var ranks = ranking.Select(r => new Dictionary<string, object?>
        {
            ["Xếp hạng"] = r.Score is null ? null : r.Rank,
            ["Đơn vị"] = r.UnitName,
            ["Điểm"] = r.Score,
            ["Mục tiêu đạt"] = r.TargetsMet,
            ["Mục tiêu không đạt"] = r.TargetsMissed,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [IndicatorSheet] = rows,
            [RankingSheet] = ranks.Count > 0 ? ranks : [new Dictionary<string, object?> { ["Xếp hạng"] = null, ["Đơn vị"] = null, ["Điểm"] = null, ["Mục tiêu đạt"] = null, ["Mục tiêu không đạt"] = null }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
