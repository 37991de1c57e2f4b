namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>
/// One change of a unit's place, as the history keeps it: on that day its path went from one to the other. A unit's
/// creation is its first place, whatever day it was entered: reorganisations are often recorded after the fact, with an
/// earlier effective day than the creation of the units they concern.
/// </summary>
public sealed record PlaceChange(int UnitId, DateOnly EffectiveOn, long Order, string? OldPath, string? NewPath, bool IsCreation = false)
{
    public DateOnly From => IsCreation ? DateOnly.MinValue : EffectiveOn;
}

/// <summary>
/// The unit tree as it stood on a past day, read back from the changes: a unit's parent that day is the one its last
/// change on or before the day put it under (its creation counts from the start); with none, the one its first later
/// change took it from. Figures of a period are summed over this tree, so a district dissolved in the move to two
/// levels still sums its communes for the months before, and a unit created since keeps its figures where it began.
/// </summary>
public sealed class TreeOnDay
{
    private readonly Dictionary<int, List<int>> _children = [];
    private readonly Dictionary<int, int?> _parents = [];

    /// <param name="units">Every unit: id, code, and its parent today.</param>
    public TreeOnDay(IEnumerable<(int Id, string Code, int? ParentId)> units, IEnumerable<PlaceChange> changes, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(changes);
        var all = units.ToList();
        var byCode = all.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        var history = changes.Where(c => c.OldPath is not null || c.NewPath is not null).GroupBy(c => c.UnitId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.From).ThenBy(c => c.Order).ToList());
        int? ParentIn(string? path)
        {
            var parts = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length < 2 ? null : byCode.TryGetValue(parts[^2], out var id) ? id : null;
        }

        foreach (var (id, _, parentToday) in all)
        {
            var parent = parentToday;
            if (history.TryGetValue(id, out var rows))
            {
                var last = rows.LastOrDefault(r => r.From <= day && r.NewPath is not null);
                var next = rows.FirstOrDefault(r => r.From > day);
                parent = last is not null ? ParentIn(last.NewPath)
                    : next is not null ? ParentIn(next.OldPath ?? next.NewPath)
                    : parentToday;
            }

            // A unit never sits below itself, however the history reads.
            _parents[id] = parent == id ? null : parent;
        }

        foreach (var (id, parent) in _parents)
        {
            if (parent is int p)
            {
                (_children.TryGetValue(p, out var list) ? list : _children[p] = []).Add(id);
            }
        }
    }

    public int? ParentOf(int id) => _parents.GetValueOrDefault(id);

    /// <summary>The units directly below the unit that day.</summary>
    public IReadOnlyList<int> Children(int id) => _children.TryGetValue(id, out var list) ? list : [];

    /// <summary>The unit and every unit below it that day.</summary>
    public IReadOnlyList<int> Subtree(int id)
    {
        var found = new List<int>();
        var seen = new HashSet<int>();
        var queue = new Queue<int>([id]);
        while (queue.TryDequeue(out var next))
        {
            if (seen.Add(next))
            {
                found.Add(next);
                foreach (var child in Children(next))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return found;
    }
}
