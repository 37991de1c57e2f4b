namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>A unit's place in the ranking of the units below one: its score, how many of its targets it met and missed.</summary>
public sealed record RankedUnit(int Rank, int UnitId, string UnitName, decimal? Score, int TargetsMet, int TargetsMissed);

/// <summary>
/// The emulation ranking (xếp hạng thi đua) of units by their indicators against their targets: each indicator with a
/// target earns up to <see cref="PointsPerTarget"/> in proportion to the share of the target reached (the rule of the 766
/// index: full points at the target, R × points ÷ target below it), and every target missed costs the deduction the
/// province sets (seed 004: "trừ điểm thi đua" for units below their online targets). Units with no target come last.
/// </summary>
public static class Ranking
{
    public const decimal PointsPerTarget = 10;

    /// <summary>The points one indicator earns against its target (before any deduction).</summary>
    public static decimal Points(TargetKind kind, decimal target, long numerator, decimal? value)
    {
        if (target <= 0)
        {
            return PointsPerTarget;
        }

        var reached = kind == TargetKind.Count ? numerator : value ?? 0;
        return Math.Round(Math.Min(1m, reached / target) * PointsPerTarget, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Ranks the units by score, highest first (ties share a rank and are listed by name).</summary>
    public static IReadOnlyList<RankedUnit> Of(IEnumerable<(int UnitId, string UnitName, IReadOnlyList<(TargetKind Kind, decimal Target, long Numerator, decimal? Value)> Judged)> units, decimal deduction)
    {
        ArgumentNullException.ThrowIfNull(units);
        var scored = units.Select(u =>
        {
            if (u.Judged.Count == 0)
            {
                return (u.UnitId, u.UnitName, Score: (decimal?)null, Met: 0, Missed: 0);
            }

            var points = u.Judged.Sum(j => Points(j.Kind, j.Target, j.Numerator, j.Value));
            var missed = u.Judged.Count(j => Points(j.Kind, j.Target, j.Numerator, j.Value) < PointsPerTarget);
            return (u.UnitId, u.UnitName, Score: (decimal?)(points - (missed * deduction)), Met: u.Judged.Count - missed, Missed: missed);
        })
        .OrderByDescending(u => u.Score.HasValue).ThenByDescending(u => u.Score).ThenBy(u => u.UnitName, StringComparer.Ordinal)
        .ToList();

        var ranked = new List<RankedUnit>();
        for (var i = 0; i < scored.Count; i++)
        {
            var u = scored[i];
            var rank = i > 0 && scored[i - 1].Score == u.Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedUnit(rank, u.UnitId, u.UnitName, u.Score, u.Met, u.Missed));
        }

        return ranked;
    }
}
