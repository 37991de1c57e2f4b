using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>
/// The catalog's public surface: procedures and units as read-only copies, kept in memory for <see cref="Lifetime"/>.
/// The whole unit tree of a province (a few thousand rows) is one cached copy; procedures are cached one by one.
/// An edit on this node drops the copies at once (<see cref="Invalidate"/>); other nodes reload within the lifetime.
/// </summary>
public sealed class CatalogDirectory(IServiceScopeFactory scopes, IMemoryCache cache) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly CacheVersion _version = new();

    public Task<ProcedureTerms?> ProcedureAsync(string code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 32
            ? Task.FromResult<ProcedureTerms?>(null)
            : CachedAsync("catalog:procedure:" + code, db => db.Set<Procedure>().AsNoTracking().Include(p => p.Units).SingleOrDefaultAsync(p => p.Code == code, cancellationToken));

    public Task<ProcedureTerms?> ProcedureAsync(int id, CancellationToken cancellationToken) =>
        CachedAsync("catalog:procedure-id:" + id, db => db.Set<Procedure>().AsNoTracking().Include(p => p.Units).SingleOrDefaultAsync(p => p.Id == id, cancellationToken));

    /// <summary>
    /// The terms of one version of a procedure, as an application filed under it keeps them (its fees, documents and
    /// form). A version the catalog does not hold (filed before versions were kept) gives the terms in force.
    /// </summary>
    public async Task<ProcedureTerms?> ProcedureAsync(int id, int version, CancellationToken cancellationToken)
    {
        var current = await ProcedureAsync(id, cancellationToken);
        if (current is null || current.Version == version)
        {
            return current;
        }

        return await GetOrLoadAsync($"catalog:procedure-version:{id}:{version}", async db =>
        {
            var content = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == id && v.Number == version)
                .Select(v => v.Content).SingleOrDefaultAsync(cancellationToken);
            if (content is null)
            {
                return null;
            }

            var unitIds = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, cancellationToken);
            var procedure = Exchange.ProcedureRecords.Create(Versions.CatalogVersions.Read(content), unitIds);
            return Terms(procedure) with { Id = id, Version = version };
        }) ?? current;
    }

    /// <summary>
    /// The lines of the national list (as the province admin keeps it) for this procedure, by its national code, else
    /// its code: the documents national databases supply instead of paper.
    /// </summary>
    public async Task<IReadOnlyList<NationalDataSource>> NationalDataAsync(ProcedureTerms procedure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var code = procedure.NationalCode ?? procedure.Code;
        return (await GetOrLoadAsync<IReadOnlyList<NationalDataSource>>("catalog:national-data:" + code, async db =>
            (await db.Set<NationalDataReplacement>().AsNoTracking().Where(r => r.ProcedureCode == code).OrderBy(r => r.Id).ToListAsync(cancellationToken))
                .Select(r => new NationalDataSource(r.Id, r.ProcedureCode, r.DocumentReplaced, r.NationalDatabase, r.DatabaseOwner, r.Kind)).ToList()))!;
    }

    /// <summary>Which of the procedure's documents a national database supplies, each with the line that says so.</summary>
    public async Task<IReadOnlyList<(RequiredDocument Document, NationalDataSource Source)>> SuppliedDocumentsAsync(ProcedureTerms procedure, CancellationToken cancellationToken)
    {
        var sources = await NationalDataAsync(procedure, cancellationToken);
        return [.. procedure.Documents.Select(d => (Document: d, Source: sources.FirstOrDefault(s => s.Supplies(d)))).Where(x => x.Source is not null).Select(x => (x.Document, x.Source!))];
    }

    /// <summary>Procedures that have an internal process and are handled by one of <paramref name="unitIds"/>.</summary>
    public async Task<IReadOnlyList<ProcedureTerms>> ProceduresHandledByAsync(IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var ids = await db.Set<ProcedureUnit>().Where(u => unitIds.Contains(u.UnitId)).Select(u => u.ProcedureId).Distinct().ToListAsync(cancellationToken);
        var rows = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return rows.Where(p => p.Workflow.Count > 0).Select(Terms).ToList();
    }

    /// <summary>
    /// What the statistics need of each procedure the units handle (online level, fee, postal intake, whether it is
    /// published whole, which units handle it), from one copy of the whole catalog kept in memory: the figures of a
    /// province ask for thousands of procedures many times a minute, and loading their full terms each time does not scale.
    /// </summary>
    public async Task<IReadOnlyList<ProcedureFacts>> ProcedureFactsAsync(IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var all = (await GetOrLoadAsync("catalog:procedure-facts", async db =>
        {
            // The units as (procedure, unit) pairs rather than Include: a commune procedure lists every commune, and
            // materializing those as entities with the whole catalog took gigabytes.
            var units = (await db.Set<ProcedureUnit>().AsNoTracking().Select(u => new { u.ProcedureId, u.UnitId }).ToListAsync(cancellationToken))
                .GroupBy(u => u.ProcedureId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(u => u.UnitId).ToArray());
            var rows = await db.Set<Procedure>().AsNoTracking().ToListAsync(cancellationToken);
            return (IReadOnlyList<ProcedureFacts>)[.. rows.Where(p => p.Workflow.Count > 0).Select(Terms).Select(t => new ProcedureFacts(
                t.Id, t.Code, t.Name, t.Field, t.OnlineLevel, t.IsFree, t.PostalAllowed,
                !string.IsNullOrWhiteSpace(t.Field) && t.ApplicantTypes.Count > 0 && t.Documents.Count > 0 && t.Workflow.Count > 0 && !string.IsNullOrWhiteSpace(t.ResultType),
                units.GetValueOrDefault(t.Id) ?? []))];
        }))!;
        var wanted = unitIds as IReadOnlySet<int> ?? unitIds.ToHashSet();
        return [.. all.Where(p => p.UnitIds.Any(wanted.Contains))];
    }

    /// <summary>
    /// The procedures the unit at <paramref name="path"/> and the units below it handle, as (code, name) in Vietnamese
    /// order: the officer's filter list. Kept with the catalog copy, per sub-tree.
    /// </summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> ProceduresHandledInAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        return (await GetOrLoadAsync("catalog:handled-in:" + path, async _ =>
        {
            var units = (await SubtreeAsync(path, cancellationToken)).Select(u => u.Id).ToHashSet();
            var handled = await ProcedureFactsAsync(units, cancellationToken);
            var order = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);
            return (IReadOnlyList<(string Code, string Name)>)[.. handled.OrderBy(p => p.Name, order).Select(p => (p.Code, p.Name))];
        }))!;
    }

    /// <summary>The field (lĩnh vực) of each procedure of these codes the catalog holds, by code; an empty one when it names none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FieldsOfAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var rows = await db.Set<Procedure>().AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, p.Field }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Code, r => r.Field.Trim(), StringComparer.Ordinal);
    }

    public async Task<UnitCard?> UnitAsync(int id, CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async Task<UnitCard?> UnitAsync(string code, CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).ByCode.GetValueOrDefault(code);

    /// <summary>The units with these ids that exist, by id.</summary>
    public async Task<IReadOnlyDictionary<int, UnitCard>> UnitsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var tree = await TreeAsync(cancellationToken);
        return ids.Distinct().Where(tree.ById.ContainsKey).ToDictionary(id => id, id => tree.ById[id]);
    }

    /// <summary>The units with these codes that exist, by code.</summary>
    public async Task<IReadOnlyDictionary<string, UnitCard>> UnitsAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var tree = await TreeAsync(cancellationToken);
        return codes.Distinct().Where(tree.ByCode.ContainsKey).ToDictionary(code => code, code => tree.ByCode[code], StringComparer.Ordinal);
    }

    /// <summary>A unit and everything below it, in tree order (by path).</summary>
    public async Task<IReadOnlyList<UnitCard>> SubtreeAsync(string path, CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).InOrder.Where(u => u.IsWithin(path)).ToList();

    /// <summary>
    /// The unit tree as it stood on <paramref name="day"/>, read back from the history of changes (see <see cref="TreeOnDay"/>):
    /// the figures of a past period are summed over it.
    /// </summary>
    public async Task<TreeOnDay> TreeOnAsync(NodaTime.LocalDate day, CancellationToken cancellationToken)
    {
        var tree = await TreeAsync(cancellationToken);
        var changes = await GetOrLoadAsync("catalog:unit-changes", async db => await db.Set<UnitChange>().AsNoTracking()
            .Where(c => c.Kind != UnitChangeKind.Edit)
            .Select(c => new PlaceChange(c.UnitId, c.EffectiveOn, c.Id, c.OldPath, c.NewPath, c.Kind == UnitChangeKind.Create)).ToListAsync(cancellationToken));
        return new TreeOnDay(tree.InOrder.Select(u => (u.Id, u.Code, u.ParentId)), changes!, day.ToDateOnly());
    }

    /// <summary>Every unit in tree order.</summary>
    public async Task<IReadOnlyList<UnitCard>> AllUnitsAsync(CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).InOrder;

    /// <summary>The root of the tree: the province's people's committee; null before the catalog is loaded.</summary>
    public async Task<UnitCard?> RootAsync(CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).InOrder.FirstOrDefault(u => u.ParentId is null);

    /// <summary>The names of the levels of the tree by code ("commune" → "Cấp xã"), as the province's data names them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LevelNamesAsync(CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).LevelNames;

    /// <summary>Call after changing procedures or units.</summary>
    public void Invalidate()
    {
        _version.Invalidate();
        // A load that began before the edit may not answer those who ask after it.
        _loading.Clear();
    }

    public void Dispose() => _version.Dispose();

    public static ProcedureTerms Terms(Procedure p) => new(
        p.Id, p.Code, p.NationalCode, p.Name, p.Field, p.Units.Select(u => u.UnitId).ToList(), p.ApplicantTypes, p.Processing, p.OnlineProcessing,
        p.Documents, p.Fees, p.ResultType, p.OnlineLevel, p.OnlineOnly, p.PostalAllowed, p.Form, p.Workflow, p.Version, p.PaymentDue, p.FeeExemptions);

    public static UnitCard Card(Unit u) =>
        new(u.Id, u.Code, u.Name, u.LevelCode, u.ParentId, u.Path, u.Place ?? u.Name, u.AreaName ?? u.Name, u.Address, u.Phone, u.Email, u.ShortName, u.EndedOn, u.SuccessorId);

    private sealed record Tree(IReadOnlyList<UnitCard> InOrder, IReadOnlyDictionary<int, UnitCard> ById, IReadOnlyDictionary<string, UnitCard> ByCode, IReadOnlyDictionary<string, string> LevelNames);

    private Task<Tree> TreeAsync(CancellationToken cancellationToken) =>
        GetOrLoadAsync("catalog:unit-tree", async db =>
        {
            var units = (await db.Set<Unit>().AsNoTracking().ToListAsync(cancellationToken)).Select(Card).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
            var levels = await db.Set<AdministrativeLevel>().AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Name, StringComparer.Ordinal, cancellationToken);
            return new Tree(units, units.ToDictionary(u => u.Id), units.ToDictionary(u => u.Code, StringComparer.Ordinal), levels);
        })!;

    private async Task<ProcedureTerms?> CachedAsync(string key, Func<MotCuaDbContext, Task<Procedure?>> load) =>
        await GetOrLoadAsync(key, async db => await load(db) is { } p ? Terms(p) : null);

    private async Task<T?> GetOrLoadAsync<T>(string key, Func<MotCuaDbContext, Task<T?>> load)
        where T : class
    {
        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        // One load per key at a time: whoever asks while it runs waits for it. Without this, the copy running out
        // under load (sixteen officers opening the inbox, thirty-two statistics requests) had each of them read the
        // whole catalog at once, which took minutes and gigabytes instead of one read.
        var loading = _loading.GetOrAdd(key, _ => new Lazy<Task<object?>>(() => LoadAsync(key, load)));
        try
        {
            return (T?)await loading.Value;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, Lazy<Task<object?>>>(key, loading));
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<object?>>> _loading = new(StringComparer.Ordinal);

    private async Task<object?> LoadAsync<T>(string key, Func<MotCuaDbContext, Task<T?>> load)
        where T : class
    {
        // Taken before loading: an edit that lands while loading expires it, so a stale copy never stays cached.
        var version = _version.Token();

        await using var scope = scopes.CreateAsyncScope();
        var value = await load(scope.ServiceProvider.GetRequiredService<MotCuaDbContext>());
        if (value is not null)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = value;
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.AddExpirationToken(version);
        }

        return value;
    }
}
