using System.Globalization;
using MiniExcelLibs;
using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.Web.Modules.Indicators;

/// <summary>One row of a targets workbook as typed, with its row number in the sheet.</summary>
public sealed record TargetRow(int Row, string? UnitCode, string? Indicator, string? From, string? To, string? Kind, string? Value);

/// <summary>
/// The province's targets as a spreadsheet: a template to fill (one target per row: unit code, indicator, period,
/// kind, value) and the reading of a filled one.
/// </summary>
public static class TargetWorkbook
{
    public const string Sheet = "Mục tiêu";
    public const string UnitColumn = "Mã đơn vị";
    public const string IndicatorColumn = "Mã chỉ số";
    public const string FromColumn = "Từ ngày (yyyy-MM-dd)";
    public const string ToColumn = "Đến ngày (yyyy-MM-dd)";
    public const string KindColumn = "Loại (Rate: tỷ lệ %, Count: số lượng)";
    public const string ValueColumn = "Mục tiêu";

    /// <summary>The template: the columns, two example rows, and the indicators on a second sheet.</summary>
    public static byte[] Template(string exampleUnit, int year)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Row(exampleUnit, "online-application-rate", $"{year}-01-01", $"{year}-12-31", "Rate", 50),
            Row(exampleUnit, "online-payment-rate", $"{year}-01-01", $"{year}-12-31", "Rate", 30),
        };
        var indicators = IndicatorDefinitions.All.Where(d => d.Variant == IndicatorDefinitions.Default)
            .Select(d => new Dictionary<string, object?> { [IndicatorColumn] = d.Id, ["Chỉ số"] = d.Name, ["Cách tính"] = d.Description }).ToList();
        var sheets = new Dictionary<string, object> { [Sheet] = rows, ["Các chỉ số"] = indicators };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string unit, string indicator, string from, string to, string kind, decimal value) => new()
    {
        [UnitColumn] = unit, [IndicatorColumn] = indicator, [FromColumn] = from, [ToColumn] = to, [KindColumn] = kind, [ValueColumn] = value,
    };

    /// <summary>The filled rows (empty ones skipped); null when the file is not a workbook with the targets sheet's columns.</summary>
    public static IReadOnlyList<TargetRow>? Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        try
        {
            var rows = workbook.Query(useHeaderRow: true, sheetName: Sheet).Cast<IDictionary<string, object?>>().ToList();
            if (rows.Count > 0 && !rows[0].ContainsKey(UnitColumn))
            {
                return null;
            }

            return [.. rows.Select((r, i) => new TargetRow(i + 2, Text(r, UnitColumn), Text(r, IndicatorColumn), Date(r, FromColumn), Date(r, ToColumn), Text(r, KindColumn), Number(r, ValueColumn)))
                .Where(r => r is not { UnitCode: null, Indicator: null, From: null, To: null, Kind: null, Value: null })];
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or ArgumentException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A date cell typed as a date or as yyyy-MM-dd text.</summary>
    private static string? Date(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Text(row, column);

    private static string? Number(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is double or decimal or int or long ? Convert.ToString(v, CultureInfo.InvariantCulture) : Text(row, column);
}
