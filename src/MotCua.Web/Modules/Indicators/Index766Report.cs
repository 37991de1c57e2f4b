using System.Security.Claims;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>One indicator of the index for a unit and period.</summary>
/// <param name="Points">What it is worth; 0 for an indicator only followed.</param>
/// <param name="Target">The ratio (percent) at which it earns all its points.</param>
/// <param name="Earned">Points earned; null when it is not measured or nothing is counted under it.</param>
/// <param name="NumeratorSet">The countable set of the numerator (null when not measured): the applications behind it can be listed.</param>
/// <param name="Note">How it is counted, or why it cannot be yet.</param>
public sealed record Index766Line(
    string Id, string Name, decimal Points, decimal Target, bool Measured, long? Numerator, long? Denominator, decimal? Ratio, decimal? Earned,
    string? NumeratorSet, string? DenominatorSet, string? Note);

/// <param name="Measurable">The points of its indicators that could be judged this period.</param>
public sealed record Index766GroupScore(string Id, string Name, decimal Points, decimal Earned, decimal Measurable, IReadOnlyList<Index766Line> Indicators);

/// <summary>The Decision 766 index of a unit's sub-tree for a period, as GET /api/v1/index766 gives it.</summary>
/// <param name="Score">Earned over measurable, on 100 points: the grade is given from it.</param>
public sealed record Index766Sheet(
    int UnitId, string UnitName, string From, string To, decimal Earned, decimal Measurable, decimal Score, string Grade, IReadOnlyList<Index766GroupScore> Groups);

/// <summary>The Decision 766/QĐ-TTg index computed from the same counters as the indicators.</summary>
public sealed class Index766Report(IndicatorReport report, CatalogDirectory catalog, IOptions<IndicatorOptions> options, National.Public.NationalSyncFigures sync)
{
    private const string Synced = "applications.national-portal.synced";
    private const string Pushed = "applications.national-portal.pushed";

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public async Task<Result<Index766Sheet>> SheetAsync(ClaimsPrincipal user, int? unitId, string? from, string? to, string? period, CancellationToken cancellationToken)
    {
        var asked = await report.ChooseAsync(user, unitId, from, to, cancellationToken, period);
        if (asked.Failure is { } failure)
        {
            return failure;
        }

        var (unit, first, last) = asked.Value!;
        return await ComputeAsync(unit, first, last, cancellationToken);
    }

    /// <summary>The index of each unit directly below, the highest score first.</summary>
    public async Task<IReadOnlyList<Index766Sheet>> BelowAsync(UnitCard unit, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var children = await report.ChildrenAsync(unit, from, to, cancellationToken);
        var sets = await report.SetsBelowAsync(children, from, to, cancellationToken);
        var tree = await catalog.TreeOnAsync(to, cancellationToken);
        var synced = await SyncCountsAsync(from, to, cancellationToken);
        var below = children.Select((child, i) => Sheet(child, from, to, WithSync(sets[i], tree.Subtree(child.Id), synced)));
        return [.. below.OrderByDescending(s => s.Score).ThenBy(s => s.UnitName, StringComparer.Ordinal)];
    }

    public async Task<Index766Sheet> ComputeAsync(UnitCard unit, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var units = (await catalog.TreeOnAsync(to, cancellationToken)).Subtree(unit.Id);
        return Sheet(unit, from, to, WithSync(await report.SetsAsync(units, from, to, cancellationToken), units, await SyncCountsAsync(from, to, cancellationToken)));
    }

    /// <summary>The national sync per unit over the period (Vietnam days); null when MotCua is not the national portal's province system.</summary>
    private async Task<IReadOnlyDictionary<int, National.Public.SyncCount>?> SyncCountsAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        if (!sync.Connected)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
        return await sync.ByUnitAsync(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant(), cancellationToken);
    }

    /// <summary>The counters' sets with the national sync of these units added; without a connection the line stays unmeasured.</summary>
    private static IReadOnlyDictionary<string, long> WithSync(IReadOnlyDictionary<string, long> sets, IReadOnlyList<int> units, IReadOnlyDictionary<int, National.Public.SyncCount>? counts)
    {
        if (counts is null)
        {
            return sets;
        }

        var all = new Dictionary<string, long>(sets, StringComparer.Ordinal) { [Synced] = 0, [Pushed] = 0 };
        foreach (var id in units)
        {
            if (counts.TryGetValue(id, out var c))
            {
                all[Synced] += c.Synced;
                all[Pushed] += c.Total;
            }
        }

        return all;
    }

    private Index766Sheet Sheet(UnitCard unit, LocalDate from, LocalDate to, IReadOnlyDictionary<string, long> sets)
    {
        var groups = Index766.Groups.Select(group =>
        {
            var lines = group.Indicators.Select(i =>
            {
                if (!i.Measured || !sets.ContainsKey(i.Numerator!))
                {
                    return new Index766Line(i.Id, i.Name, i.Points, i.Target, false, null, null, null, null, null, null, i.Unmeasured);
                }

                var (numerator, denominator) = (sets[i.Numerator!], sets[i.Denominator!]);
                var ratio = Index766.Ratio(numerator, denominator);
                return new Index766Line(i.Id, i.Name, i.Points, i.Target, true, numerator, denominator, ratio, Index766.Points(i, ratio), i.Numerator, i.Denominator, i.Note);
            }).ToList();
            return new Index766GroupScore(group.Id, group.Name, group.Points, lines.Sum(l => l.Earned ?? 0), lines.Where(l => l.Earned is not null).Sum(l => l.Points), lines);
        }).ToList();
        var earned = groups.Sum(g => g.Earned);
        var measurable = groups.Sum(g => g.Measurable);
        var score = Index766.Score(earned, measurable);
        return new Index766Sheet(unit.Id, unit.Name, IsoDate.Format(from), IsoDate.Format(to), earned, measurable, score, Index766.Grade(score, options.Value.Index766GradesOrDefault), groups);
    }
}
