using System.Collections;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Search;

/// <summary>The first <see cref="ProcedureSearch.KeptRanked"/> matches of a search, best first, and how many there are in all.</summary>
public sealed record RankedMatches(CatalogEntry[] Top, int Total);

/// <summary>What the catalog search and its list need of one procedure, folded once.</summary>
public sealed record CatalogEntry(
    int Id,
    string Code,
    string? NationalCode,
    string Name,
    string Field,
    string LevelCode,
    OnlineLevel OnlineLevel,
    bool OnlineOnly,
    bool PostalAllowed,
    decimal ProcessingDays,
    IReadOnlyList<int> UnitIds,
    string SearchText,
    SearchRanking.Candidate Ranking);

/// <summary>
/// The whole catalog in memory for search: a few thousand procedures, read in one go and kept for
/// <see cref="Lifetime"/>. A stale copy keeps answering while one request reloads it in the background, so other
/// nodes see a catalog edit within a minute; <see cref="Invalidate"/> drops it at once on this node.
/// </summary>
public sealed class CatalogCache(IServiceScopeFactory scopes, TimeProvider time, ILogger<CatalogCache> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _firstLoad = new(1, 1);
    private volatile Snapshot? _current;
    private int _refreshing;

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null)
        {
            if (time.GetUtcNow() - current.LoadedAt > Lifetime && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            {
                _ = Task.Run(RefreshAsync, CancellationToken.None);
            }

            return current;
        }

        await _firstLoad.WaitAsync(cancellationToken);
        try
        {
            return _current ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _firstLoad.Release();
        }
    }

    /// <summary>Call after changing procedures or units.</summary>
    public void Invalidate() => _current = null;

    private async Task RefreshAsync()
    {
        try
        {
            _current = await LoadAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not reload the catalog; the previous copy stays in use.");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var loadedAt = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var units = await db.Set<Unit>().AsNoTracking().Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        var links = (await db.Set<ProcedureUnit>().AsNoTracking().Select(u => new { u.ProcedureId, u.UnitId }).ToListAsync(cancellationToken))
            .GroupBy(u => u.ProcedureId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(u => u.UnitId).Order().ToArray());
        var rows = await db.Set<Procedure>().AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.NationalCode, p.Name, p.Field, p.LevelCode, p.OnlineLevel, p.OnlineOnly, p.PostalAllowed, p.Processing, p.SearchText })
            .ToListAsync(cancellationToken);
        var entries = rows
            .Select(p => new CatalogEntry(p.Id, p.Code, p.NationalCode, p.Name, p.Field, p.LevelCode, p.OnlineLevel, p.OnlineOnly, p.PostalAllowed,
                p.Processing.InWorkingDays, links.GetValueOrDefault(p.Id) ?? [], Procedure.SearchTextOf(p.Name, p.Code, p.Field), SearchRanking.Candidate.Of(p.Name, p.Code, p.Field)))
            .OrderBy(p => p.SearchText, StringComparer.Ordinal)
            .ThenBy(p => p.Id)
            .ToArray();
        var synonyms = await db.Set<SearchSynonym>().AsNoTracking().Select(x => new { x.Term, x.Meaning }).ToListAsync(cancellationToken);
        return new Snapshot(entries, units, loadedAt, synonyms.Select(x => (x.Term, x.Meaning)).ToList());
    }

    /// <summary>One copy of the catalog, with an index from each folded word to the procedures whose SearchText holds it.</summary>
    public sealed class Snapshot
    {
        private readonly Dictionary<string, BitArray> _byWord = new(StringComparer.Ordinal);
        private readonly string[] _vocabulary;

        /// <summary>Folded terms, longest first, with their folded meaning.</summary>
        private readonly (string Term, string Meaning)[] _synonyms;

        public Snapshot(IReadOnlyList<CatalogEntry> entries, IReadOnlyDictionary<int, string> unitPaths, DateTimeOffset loadedAt,
            IReadOnlyList<(string Term, string Meaning)>? synonyms = null)
        {
            ArgumentNullException.ThrowIfNull(entries);
            _synonyms = (synonyms ?? []).Select(x => (Term: VietnameseText.Fold(x.Term), Meaning: VietnameseText.Fold(x.Meaning)))
                .Where(x => x.Term.Length > 0 && x.Meaning.Length > 0)
                .OrderByDescending(x => x.Term.Length).ToArray();
            Entries = entries;
            UnitPaths = unitPaths;
            LoadedAt = loadedAt;
            for (var i = 0; i < entries.Count; i++)
            {
                foreach (var word in entries[i].SearchText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!_byWord.TryGetValue(word, out var set))
                    {
                        _byWord[word] = set = new BitArray(entries.Count);
                    }

                    set[i] = true;
                }
            }

            _vocabulary = [.. _byWord.Keys];
        }

        /// <summary>
        /// The query as search reads it: folded, each synonym term typed as whole words replaced by its meaning
        /// ("lam cccd" → "lam can cuoc"); the longest term first, each part of the query replaced at most once. A query
        /// with no synonym comes back as typed, accents and all, for the ranking that rewards them.
        /// </summary>
        public string? Expand(string? query)
        {
            var folded = " " + VietnameseText.Fold(query) + " ";
            if (_synonyms.Length == 0 || folded.Length <= 2)
            {
                return query;
            }

            var parts = new List<string>();
            foreach (var (term, meaning) in _synonyms)
            {
                var at = folded.IndexOf(" " + term + " ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    parts.Add(meaning);
                    folded = folded[..at] + " " + folded[(at + term.Length + 1)..];
                }
            }

            return parts.Count == 0 ? query : string.Join(' ', parts.Prepend(folded.Trim()).Where(p => p.Length > 0));
        }

        /// <summary>
        /// Ranked matches already worked out on this copy, by query and filters (<see cref="ProcedureSearch"/>): the
        /// same few hundred searches ("khai sinh", "ket hon" …) make most of a portal's traffic, and ranking thousands of
        /// procedures again for each costs most of a search. Dropped with the copy, so an edit is seen as before.
        /// </summary>
        public ConcurrentDictionary<string, RankedMatches> Ranked { get; } = new(StringComparer.Ordinal);

        /// <summary>Ordered by SearchText, then Id (the order of an empty search).</summary>
        public IReadOnlyList<CatalogEntry> Entries { get; }

        public IReadOnlyDictionary<int, string> UnitPaths { get; }

        public DateTimeOffset LoadedAt { get; }

        /// <summary>
        /// The positions in <see cref="Entries"/> whose SearchText contains <paramref name="word"/> (a folded word, no space),
        /// exactly as SearchText.Contains(word) would say: such a word can only lie inside one word of SearchText.
        /// </summary>
        public BitArray Containing(string word)
        {
            ArgumentNullException.ThrowIfNull(word);
            if (_containing.TryGetValue(word, out var known))
            {
                return (BitArray)known.Clone();
            }

            var found = Scan(word);
            if (_containing.Count < MaxRememberedWords)
            {
                _containing.TryAdd(word, found);
            }

            return (BitArray)found.Clone();
        }

        /// <summary>Queries reuse a few thousand syllables: the vocabulary is scanned once per word and snapshot.</summary>
        private const int MaxRememberedWords = 20_000;

        private readonly ConcurrentDictionary<string, BitArray> _containing = new(StringComparer.Ordinal);

        private BitArray Scan(string word)
        {
            var found = new BitArray(Entries.Count);
            foreach (var candidate in _vocabulary)
            {
                if (candidate.Contains(word, StringComparison.Ordinal))
                {
                    found.Or(_byWord[candidate]);
                }
            }

            return found;
        }
    }
}
