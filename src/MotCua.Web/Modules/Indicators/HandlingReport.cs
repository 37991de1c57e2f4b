using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>The handling report of a unit's sub-tree for a period, as GET /api/v1/indicators/handling gives it.</summary>
public sealed record HandlingSheet(int UnitId, string UnitName, string From, string To, IReadOnlyList<HandlingLine> Fields, HandlingLine Total);

/// <summary>
/// The periodic report on procedure handling (form 06a style), per field (lĩnh vực) of the procedures: received
/// (carried over and new, by channel), resolved by timeliness, pending at the end within time or overdue. Computed from
/// the rollups (<see cref="HandlingFigures"/>), never from the applications: two grouped sums over the counters.
/// </summary>
public sealed class HandlingReport(MotCuaDbContext db, IndicatorReport indicators, CatalogDirectory catalog, Microsoft.Extensions.Options.IOptions<IndicatorOptions> options)
{
    /// <summary>Where procedures without a field of their own are counted.</summary>
    public const string OtherField = "Khác";

    public const string TotalRow = "Tổng số";

    private static readonly StringComparer FieldOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>The report for the unit (the caller's own by default) and the days or named period, with the same checks as the indicators.</summary>
    public async Task<Result<HandlingSheet>> SheetAsync(ClaimsPrincipal user, int? unitId, string? from, string? to, CancellationToken cancellationToken, string? period = null)
    {
        var chosen = await indicators.ChooseAsync(user, unitId, from, to, cancellationToken, period);
        if (chosen.Failure is { } failure)
        {
            return failure;
        }

        return await ComputeAsync(chosen.Value!, cancellationToken);
    }

    public async Task<HandlingSheet> ComputeAsync(ReportChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var units = (await catalog.TreeOnAsync(choice.To, cancellationToken)).Subtree(choice.Unit.Id);
        var cutOff = options.Value.CutOffDay;
        var before = await db.CounterRows(units, Grains.Cover(null, choice.From.PlusDays(-1), cutOff, byProcedure: true)).Where(c => HandlingFigures.Running.Contains(c.Measure))
            .GroupBy(c => new { c.ProcedureCode, c.Measure }).Select(g => new { g.Key.ProcedureCode, g.Key.Measure, Sum = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var within = await db.CounterRows(units, Grains.Cover(choice.From, choice.To, cutOff, byProcedure: true)).Where(c => HandlingFigures.InPeriod.Contains(c.Measure))
            .GroupBy(c => new { c.ProcedureCode, c.Measure }).Select(g => new { g.Key.ProcedureCode, g.Key.Measure, Sum = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);

        var codes = before.Select(b => b.ProcedureCode).Concat(within.Select(w => w.ProcedureCode)).Distinct(StringComparer.Ordinal).ToList();
        var fields = await catalog.FieldsOfAsync(codes, cancellationToken);
        string FieldOf(string code) => fields.GetValueOrDefault(code) is { Length: > 0 } field ? field : OtherField;

        Dictionary<string, Dictionary<string, long>> ByField(IEnumerable<(string Code, string Measure, long Sum)> sums)
        {
            var result = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            foreach (var (code, measure, sum) in sums)
            {
                var field = FieldOf(code);
                var measures = result.TryGetValue(field, out var m) ? m : result[field] = new Dictionary<string, long>(StringComparer.Ordinal);
                measures[measure] = measures.GetValueOrDefault(measure) + sum;
            }

            return result;
        }

        var beforeByField = ByField(before.Select(b => (b.ProcedureCode, b.Measure, b.Sum)));
        var withinByField = ByField(within.Select(w => (w.ProcedureCode, w.Measure, w.Sum)));
        var empty = new Dictionary<string, long>(StringComparer.Ordinal);
        var lines = beforeByField.Keys.Union(withinByField.Keys)
            .OrderBy(f => f == OtherField).ThenBy(f => f, FieldOrder)
            .Select(f => HandlingFigures.Of(f, beforeByField.GetValueOrDefault(f) ?? empty, withinByField.GetValueOrDefault(f) ?? empty))
            // A field with nothing in any column (all its applications closed long before) is left out.
            .Where(l => l.Received.Total != 0 || l.Resolved.Total != 0 || l.Pending.Total != 0)
            .ToList();
        return new HandlingSheet(choice.Unit.Id, choice.Unit.Name, LocalDatePattern.Iso.Format(choice.From), LocalDatePattern.Iso.Format(choice.To),
            lines, HandlingLine.Sum(TotalRow, lines));
    }

    /// <summary>The parent's name for the PDF's heading (the unit's own for the root).</summary>
    public async Task<string> ParentNameAsync(int unitId, CancellationToken cancellationToken)
    {
        var unit = await catalog.UnitAsync(unitId, cancellationToken);
        return unit?.ParentId is int p && await catalog.UnitAsync(p, cancellationToken) is { } parent ? parent.Name : string.Empty;
    }

    /// <summary>The report as a file: an xlsx workbook or an A4 landscape PDF, made at <paramref name="madeAt"/>.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(HandlingSheet sheet, string format, Instant madeAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var made = madeAt.InZone(Common.Text.VietnameseDates.Zone).Date;
        return format == HandlingDocuments.Pdf
            ? (HandlingDocuments.RenderPdf(sheet, await ParentNameAsync(sheet.UnitId, cancellationToken), made), "application/pdf", HandlingDocuments.FileName(sheet, format))
            : (HandlingDocuments.RenderExcel(sheet, made), IndicatorExcel.ContentType, HandlingDocuments.FileName(sheet, HandlingDocuments.Xlsx));
    }
}
