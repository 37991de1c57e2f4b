using NodaTime;

namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>
/// One version of a procedure's terms, kept whole (the catalog exchange record as JSON) and never changed. A version
/// whose day has come is in force: the procedure row carries its terms, and applications filed from then on carry its
/// number. A version dated later waits (<see cref="InForceAt"/> null) and comes into force on its day.
/// </summary>
public sealed class ProcedureVersion
{
    private ProcedureVersion()
    {
        Content = CreatedBy = string.Empty;
    }

    public ProcedureVersion(Procedure procedure, int number, DateOnly effectiveFrom, string content, string? note, Instant createdAt, string createdBy)
        : this()
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        Procedure = procedure;
        Number = number;
        EffectiveFrom = effectiveFrom;
        Content = content;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public long Id { get; private set; }
    public int ProcedureId { get; private set; }
    public Procedure? Procedure { get; private set; }
    public int Number { get; private set; }

    /// <summary>The first day (Vietnam time) its terms apply to new applications.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The whole record of the terms (catalog exchange JSON).</summary>
    public string Content { get; private set; }

    /// <summary>Why the terms changed: the decision or resolution, as the administrator wrote it.</summary>
    public string? Note { get; private set; }

    public Instant CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>When the procedure took these terms; null while the version waits for its day.</summary>
    public Instant? InForceAt { get; private set; }

    public void BringIntoForce(Instant at)
    {
        InForceAt = at;
        Procedure?.BringIntoForce(Number);
    }
}
