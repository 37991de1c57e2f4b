using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Outbox;
using NodaTime;

namespace MotCua.Web.Modules.Indicators.Upward;

/// <summary>
/// A month whose report is queued for the national systems: one row per month (the unique period is what makes a
/// second node, or a second look, queue nothing), written with its outbox message in one save.
/// </summary>
public sealed class UpwardReport
{
    public long Id { get; set; }

    /// <summary>"2026-11".</summary>
    public string Period { get; set; } = string.Empty;

    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public Instant QueuedAt { get; set; }
}

/// <summary>The message that asks each target's consumer to compute and send one period's report.</summary>
public sealed record UpwardReportMessage(int Version, string Period, string From, string To)
{
    public const string Type = "indicators.report.v1";
}

internal sealed class UpwardReportMapping : IEntityTypeConfiguration<UpwardReport>
{
    public void Configure(EntityTypeBuilder<UpwardReport> b)
    {
        b.ToTable("indicator_reports_upward");
        b.Property(r => r.Period).HasMaxLength(7);
        b.HasIndex(r => r.Period).IsUnique();
    }
}

internal sealed class UpwardReportOutboxSource : IOutboxSource
{
    public IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Entries<UpwardReport>().Where(e => e.State == EntityState.Added).Select(e => new OutboxEnvelope(UpwardReportMessage.Type,
            JsonSerializer.Serialize(new UpwardReportMessage(1, e.Entity.Period, e.Entity.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Entity.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), OutboxJson.Options))).ToList();
    }
}
