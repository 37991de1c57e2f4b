using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.Web.Modules.Indicators.Data;

/// <summary>A counter row as the reports read it: the first day it counts (yyyyMMdd) whatever its grain.</summary>
public sealed class CounterRow
{
    public int UnitId { get; init; }
    public int Day { get; init; }
    public string ProcedureCode { get; init; } = string.Empty;
    public string Measure { get; init; } = string.Empty;
    public long Count { get; init; }
}

internal static class CounterReads
{
    /// <summary>
    /// The counter rows of the units in the pieces (<see cref="Grains.Cover"/>): one range read on the report index per
    /// piece, joined by UNION ALL, for the caller to filter, group and sum (a piece taken away counts negatively).
    /// </summary>
    public static IQueryable<CounterRow> CounterRows(this MotCuaDbContext db, IReadOnlyList<int> units, IReadOnlyList<Piece> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        IQueryable<CounterRow>? rows = null;
        foreach (var piece in pieces.Count == 0 ? [new Piece(Grains.DaysByProcedure, 1, 0)] : pieces)
        {
            var (low, high, offset) = (piece.Low, piece.High, piece.Offset);
            var run = piece.Sign < 0
                ? db.Set<IndicatorCount>().AsNoTracking().Where(c => units.Contains(c.UnitId) && c.Day >= low && c.Day <= high)
                    .Select(c => new CounterRow { UnitId = c.UnitId, Day = c.Day - offset, ProcedureCode = c.ProcedureCode, Measure = c.Measure, Count = -c.Count })
                : db.Set<IndicatorCount>().AsNoTracking().Where(c => units.Contains(c.UnitId) && c.Day >= low && c.Day <= high)
                    .Select(c => new CounterRow { UnitId = c.UnitId, Day = c.Day - offset, ProcedureCode = c.ProcedureCode, Measure = c.Measure, Count = c.Count });
            rows = rows is null ? run : rows.Concat(run);
        }

        return rows!;
    }
}
