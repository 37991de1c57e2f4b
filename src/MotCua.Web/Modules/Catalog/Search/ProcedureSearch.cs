using System.Collections;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Search;

/// <summary>What a person asked the catalog for. Page is 1-based.</summary>
public sealed record ProcedureQuery(
    string? Text = null,
    int? UnitId = null,
    string? Field = null,
    string? Level = null,
    OnlineLevel? OnlineLevel = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 100;
}

public sealed record ProcedurePage(IReadOnlyList<Procedure> Items, int Total);

public sealed record CatalogPage(IReadOnlyList<CatalogEntry> Items, int Total);

/// <summary>
/// Catalog search: every typed word must appear (diacritics and order ignored) in the folded name, code or field;
/// when none does, any word will do. Matches are ranked by <see cref="SearchRanking"/>, best first. It runs on the
/// in-memory <see cref="CatalogCache"/>, so a search costs no database round trip.
/// </summary>
public sealed class ProcedureSearch(MotCuaDbContext db, CatalogCache catalog)
{
    /// <summary>One page of matches, from the cache only (the API's list).</summary>
    public async Task<CatalogPage> SearchAsync(ProcedureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = await catalog.GetAsync(cancellationToken);
        var entries = snapshot.Entries;
        var filtered = Filter(snapshot, query);
        var ranking = new SearchRanking(snapshot.Expand(query.Text));
        var skip = (query.Page - 1) * query.PageSize;

        if (ranking.IsEmpty)
        {
            var all = new List<CatalogEntry>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (filtered[i])
                {
                    all.Add(entries[i]);
                }
            }

            return new CatalogPage(all.Skip(skip).Take(query.PageSize).ToList(), all.Count);
        }

        var candidates = Matching(snapshot, filtered, ranking.Words, all: true);
        if (candidates.Count == 0)
        {
            candidates = Matching(snapshot, filtered, ranking.Words, all: false);
        }

        var ranked = candidates
            .Select(c => (Entry: c, Score: ranking.Score(c.Ranking)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Entry.Id)
            .ToList();
        return new CatalogPage(ranked.Skip(skip).Take(query.PageSize).Select(c => c.Entry).ToList(), ranked.Count);
    }

    /// <summary>One page of matches as full procedures (the pages show more than the list has).</summary>
    public async Task<ProcedurePage> FindAsync(ProcedureQuery query, CancellationToken cancellationToken)
    {
        var page = await SearchAsync(query, cancellationToken);
        var ids = page.Items.Select(p => p.Id).ToList();
        var found = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return new ProcedurePage(ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), page.Total);
    }

    /// <summary>The fields in use, for the filter list.</summary>
    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken cancellationToken) =>
        (await catalog.GetAsync(cancellationToken)).Entries.Select(p => p.Field).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .ToList();

    private static BitArray Filter(CatalogCache.Snapshot snapshot, ProcedureQuery query)
    {
        var entries = snapshot.Entries;
        var keep = new BitArray(entries.Count, true);
        HashSet<int>? units = null;
        if (query.UnitId is int unitId)
        {
            // A unit stands for its whole sub-tree: choosing a district also shows its communes' procedures.
            units = snapshot.UnitPaths.TryGetValue(unitId, out var path)
                ? snapshot.UnitPaths.Where(u => u.Value.StartsWith(path, StringComparison.Ordinal)).Select(u => u.Key).ToHashSet()
                : [];
        }

        var field = string.IsNullOrWhiteSpace(query.Field) ? null : query.Field;
        var level = string.IsNullOrWhiteSpace(query.Level) ? null : query.Level;
        if (units is null && field is null && level is null && query.OnlineLevel is null)
        {
            return keep;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var p = entries[i];
            keep[i] = (units is null || p.UnitIds.Any(units.Contains))
                && (field is null || p.Field == field)
                && (level is null || p.LevelCode == level)
                && (query.OnlineLevel is null || p.OnlineLevel == query.OnlineLevel);
        }

        return keep;
    }

    private static List<CatalogEntry> Matching(CatalogCache.Snapshot snapshot, BitArray filtered, IReadOnlyList<string> words, bool all)
    {
        BitArray? hits = null;
        foreach (var word in words)
        {
            var containing = snapshot.Containing(word);
            hits = hits is null ? containing : all ? hits.And(containing) : hits.Or(containing);
        }

        hits!.And(filtered);
        var found = new List<CatalogEntry>();
        for (var i = 0; i < snapshot.Entries.Count; i++)
        {
            if (hits[i])
            {
                found.Add(snapshot.Entries[i]);
            }
        }

        return found;
    }
}
