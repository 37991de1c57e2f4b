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
        var skip = (query.Page - 1) * query.PageSize;

        // Worked out already on this copy: nothing to filter, fold or rank again.
        var key = string.Join('\u001f', query.Text, query.UnitId, query.Field, query.Level, query.OnlineLevel);
        if (snapshot.Ranked.TryGetValue(key, out var ranked) && (skip + query.PageSize <= ranked.Top.Length || ranked.Top.Length == ranked.Total))
        {
            return Page(ranked, skip, query.PageSize);
        }

        var entries = snapshot.Entries;
        var filtered = Filter(snapshot, query);
        var ranking = new SearchRanking(snapshot.Expand(query.Text));
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

        ranked = Rank(snapshot, filtered, ranking, keep: Math.Max(KeptRanked, skip + query.PageSize));
        if (snapshot.Ranked.Count >= MaxRankedQueries)
        {
            snapshot.Ranked.Clear();
        }

        snapshot.Ranked[key] = ranked;
        return Page(ranked, skip, query.PageSize);
    }

    private static CatalogPage Page(RankedMatches ranked, int skip, int size) => new(ranked.Top.Skip(skip).Take(size).ToList(), ranked.Total);

    /// <summary>How many matches of a search are kept ranked (ten pages of twenty); a page beyond ranks again.</summary>
    public const int KeptRanked = 200;

    /// <summary>Different searches kept per catalog copy; past it the memo starts again (a few megabytes at most).</summary>
    private const int MaxRankedQueries = 5000;

    private static RankedMatches Rank(CatalogCache.Snapshot snapshot, BitArray filtered, SearchRanking ranking, int keep)
    {
        var candidates = Matching(snapshot, filtered, ranking.Words, all: true);
        if (candidates.Count == 0)
        {
            candidates = Matching(snapshot, filtered, ranking.Words, all: false);
        }

        var scored = new (double Score, CatalogEntry Entry)[candidates.Count];
        var count = 0;
        foreach (var c in candidates)
        {
            var score = ranking.Score(c.Ranking);
            if (score > 0)
            {
                scored[count++] = (score, c);
            }
        }

        // Best first; equal scores by id, so pages never overlap.
        Array.Sort(scored, 0, count, Comparer<(double Score, CatalogEntry Entry)>.Create((a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Entry.Id.CompareTo(b.Entry.Id)));
        var top = new CatalogEntry[Math.Min(keep, count)];
        for (var i = 0; i < top.Length; i++)
        {
            top[i] = scored[i].Entry;
        }

        return new RankedMatches(top, count);
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
