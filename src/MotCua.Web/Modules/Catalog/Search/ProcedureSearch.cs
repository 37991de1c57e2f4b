using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;

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

/// <summary>
/// Catalog search: every typed word must appear (diacritics and order ignored) in the folded name, code or field;
/// when none does, any word will do. Matches are ranked by <see cref="SearchRanking"/>, best first.
/// </summary>
public sealed class ProcedureSearch(MotCuaDbContext db)
{
    public async Task<ProcedurePage> FindAsync(ProcedureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filtered = await ApplyFiltersAsync(db.Procedures.AsNoTracking(), query, cancellationToken);
        var ranking = new SearchRanking(query.Text);
        var skip = (query.Page - 1) * query.PageSize;

        if (ranking.IsEmpty)
        {
            var total = await filtered.CountAsync(cancellationToken);
            var items = await filtered.OrderBy(p => p.SearchText).Skip(skip).Take(query.PageSize)
                .Include(p => p.Units).ToListAsync(cancellationToken);
            return new ProcedurePage(items, total);
        }

        var candidates = await Candidates(filtered, ranking.Words, all: true).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            candidates = await Candidates(filtered, ranking.Words, all: false).ToListAsync(cancellationToken);
        }

        var ranked = candidates
            .Select(c => (c.Id, Score: ranking.Score(c.Name, c.Code, c.Field)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Id)
            .ToList();
        var pageIds = ranked.Skip(skip).Take(query.PageSize).Select(c => c.Id).ToList();
        var found = await db.Procedures.AsNoTracking().Include(p => p.Units)
            .Where(p => pageIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return new ProcedurePage(pageIds.Select(id => found[id]).ToList(), ranked.Count);
    }

    /// <summary>The fields in use, for the filter list.</summary>
    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken cancellationToken) =>
        (await db.Procedures.AsNoTracking().Select(p => p.Field).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .ToList();

    private async Task<IQueryable<Procedure>> ApplyFiltersAsync(IQueryable<Procedure> procedures, ProcedureQuery query, CancellationToken cancellationToken)
    {
        if (query.UnitId is int unitId)
        {
            // A unit stands for its whole sub-tree: choosing a district also shows its communes' procedures.
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken);
            var unitIds = path is null
                ? db.Units.Where(_ => false).Select(u => u.Id)
                : db.Units.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
            procedures = procedures.Where(p => p.Units.Any(u => unitIds.Contains(u.UnitId)));
        }

        if (!string.IsNullOrWhiteSpace(query.Field))
        {
            procedures = procedures.Where(p => p.Field == query.Field);
        }

        if (!string.IsNullOrWhiteSpace(query.Level))
        {
            procedures = procedures.Where(p => p.LevelCode == query.Level);
        }

        if (query.OnlineLevel is OnlineLevel level)
        {
            procedures = procedures.Where(p => p.OnlineLevel == level);
        }

        return procedures;
    }

    private static IQueryable<Candidate> Candidates(IQueryable<Procedure> procedures, IReadOnlyList<string> words, bool all)
    {
        var p = Expression.Parameter(typeof(Procedure), "p");
        var text = Expression.Property(p, nameof(Procedure.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression? body = null;
        foreach (var word in words)
        {
            // Each word is a captured value, so EF sends it as a parameter (no SQL built from input).
            Expression<Func<string>> value = () => word;
            var test = Expression.Call(text, contains, value.Body);
            body = body is null ? test : all ? Expression.AndAlso(body, test) : Expression.OrElse(body, test);
        }

        return procedures.Where(Expression.Lambda<Func<Procedure, bool>>(body!, p))
            .Select(x => new Candidate(x.Id, x.Name, x.Code, x.Field));
    }

    private sealed record Candidate(int Id, string Name, string Code, string Field);
}
