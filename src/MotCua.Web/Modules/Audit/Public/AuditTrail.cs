using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Modules.Audit.Public;

/// <summary>One administrative change: who, when, what, and the thing before and after (JSON, secrets left out).</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public Instant At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>"officer.create", "officer.disable", … (module.verb).</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>"officer:{id}", "unit:{code}", "procedure:{code}", …</summary>
    public string Entity { get; private set; } = string.Empty;

    public string? Before { get; private set; }
    public string? After { get; private set; }

    internal static AuditEntry Of(Instant at, Guid? actorId, string actorName, string action, string entity, object? before, object? after) => new()
    {
        At = at,
        ActorId = actorId,
        ActorName = actorName,
        Action = action,
        Entity = entity,
        Before = before is null ? null : JsonSerializer.Serialize(before, OutboxJson.Options),
        After = after is null ? null : JsonSerializer.Serialize(after, OutboxJson.Options),
    };
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(60);
        b.Property(e => e.Entity).HasMaxLength(120);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ActorName, e.At });
    }
}

/// <summary>
/// The audit trail's public surface: a module records its change in the same save as the change itself, so no change
/// is saved without its entry. Entries are only ever added; nothing in the app edits or deletes them.
/// </summary>
public sealed class AuditTrail(MotCuaDbContext db, IClock clock)
{
    /// <summary>Adds the entry to the pending save; the caller's SaveChanges writes both.</summary>
    public void Record(Guid? actorId, string actorName, string action, string entity, object? before, object? after) =>
        db.Add(AuditEntry.Of(clock.GetCurrentInstant(), actorId, actorName, action, entity, before, after));
}
