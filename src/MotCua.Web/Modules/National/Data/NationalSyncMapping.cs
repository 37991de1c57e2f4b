using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace MotCua.Web.Modules.National.Data;

/// <summary>Where an application stands with the national portal.</summary>
public enum SyncState
{
    /// <summary>A change is waiting to be pushed (or being pushed).</summary>
    Pending,

    /// <summary>The portal has the application as it stands (up to <see cref="NationalSync.SyncedSequence"/>).</summary>
    Synced,

    /// <summary>The last push failed; it is tried again with growing pauses, and the province admin sees why.</summary>
    Failed,
}

/// <summary>One application's sync with the national portal: the state, the history number the portal has, the last error.</summary>
public sealed class NationalSync
{
    public long ApplicationId { get; set; }
    public string Code { get; set; } = string.Empty;
    public int UnitId { get; set; }
    public SyncState State { get; set; }

    /// <summary>The number of the last history line the application had when it was last asked to be pushed.</summary>
    public int WantedSequence { get; set; }

    /// <summary>The number of the last history line the portal confirmed; null before the first push succeeds.</summary>
    public int? SyncedSequence { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public Instant UpdatedAt { get; set; }
    public Instant? SyncedAt { get; set; }

    /// <summary>When a push was first asked for (the application was sent): the period the 766 line counts it in.</summary>
    public Instant? FirstWantedAt { get; set; }
}

internal sealed class NationalSyncMapping : IEntityTypeConfiguration<NationalSync>
{
    public void Configure(EntityTypeBuilder<NationalSync> b)
    {
        b.ToTable("national_sync");
        b.HasKey(s => s.ApplicationId);
        b.Property(s => s.ApplicationId).ValueGeneratedNever();
        b.Property(s => s.Code).HasMaxLength(40);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.LastError).HasMaxLength(500);
        b.HasIndex(s => s.Code).IsUnique();
        b.HasIndex(s => new { s.State, s.UpdatedAt });
        b.HasIndex(s => s.FirstWantedAt);
    }
}
