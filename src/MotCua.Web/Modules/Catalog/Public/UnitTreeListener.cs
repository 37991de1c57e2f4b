namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>A unit that ended (merged or dissolved) and the unit that took over its work, from a day.</summary>
/// <param name="Former">The unit as it stood before it ended (its old path).</param>
/// <param name="ProcedureIds">Procedures whose workflow names the former unit in a step (inter-unit transfer).</param>
public sealed record UnitSuccession(UnitCard Former, UnitCard Successor, DateOnly On, string Reason, IReadOnlyCollection<int> ProcedureIds);

/// <summary>
/// What another module does when the province reorganises its tree. The catalog calls every listener inside the same
/// transaction as the change, on the same database context, so a reorganisation lands whole or not at all.
/// </summary>
public interface IUnitTreeListener
{
    /// <summary>What the listener moves, as the administrator's report names it ("hồ sơ đang giải quyết", "tài khoản cán bộ").</summary>
    string Moves { get; }

    /// <summary>A unit ended: its open work and its people go to the successor. Returns how many it moved.</summary>
    Task<int> SucceededAsync(UnitSuccession succession, CancellationToken cancellationToken);

    /// <summary>A unit and everything below it moved: every path that started with <paramref name="oldPrefix"/> now starts with <paramref name="newPrefix"/>.</summary>
    Task PathsMovedAsync(string oldPrefix, string newPrefix, IReadOnlyCollection<int> procedureIds, CancellationToken cancellationToken);
}
