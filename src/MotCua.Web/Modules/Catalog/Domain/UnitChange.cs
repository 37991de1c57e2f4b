using NodaTime;

namespace MotCua.Web.Modules.Catalog.Domain;

public enum UnitChangeKind
{
    Create,
    Edit,
    Move,
    Merge,
    Dissolve,
}

/// <summary>
/// One change of the unit tree, kept for good: what the tree looked like on any day can be read back from these rows
/// (a 3-level province reorganised into 2 levels on 01/07/2025 keeps its history for the statistics of that time).
/// </summary>
public sealed class UnitChange
{
    private UnitChange()
    {
        UnitCode = By = string.Empty;
    }

    public UnitChange(UnitChangeKind kind, int unitId, string unitCode, int? successorId, DateOnly effectiveOn, string? oldPath, string? newPath, string? reason, Instant at, string by)
        : this()
    {
        Kind = kind;
        UnitId = unitId;
        UnitCode = unitCode;
        SuccessorId = successorId;
        EffectiveOn = effectiveOn;
        OldPath = oldPath;
        NewPath = newPath;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        At = at;
        By = by;
    }

    public long Id { get; private set; }
    public UnitChangeKind Kind { get; private set; }
    public int UnitId { get; private set; }
    public string UnitCode { get; private set; }
    public int? SuccessorId { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string? OldPath { get; private set; }
    public string? NewPath { get; private set; }

    /// <summary>The decision behind it ("Nghị quyết số 1656/NQ-UBTVQH15").</summary>
    public string? Reason { get; private set; }

    public Instant At { get; private set; }
    public string By { get; private set; }
}
