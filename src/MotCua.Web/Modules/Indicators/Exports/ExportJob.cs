using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace MotCua.Web.Modules.Indicators.Exports;

/// <summary>Where an export job stands: waiting for a worker, being made, ready to download, or given up.</summary>
public enum ExportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A report asked for in the background (a long period or a large sub-tree): what to make, for whom, how far it got,
/// and where the file is kept once made (the file storage port, like uploaded documents).
/// </summary>
public sealed class ExportJob
{
    public Guid Id { get; set; }

    /// <summary>What report: "handling" (the handling report, form 06a style).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>"xlsx" or "pdf".</summary>
    public string Format { get; set; } = string.Empty;

    /// <summary>The report's parameters as JSON, checked when the job was asked for: {"unitId":14,"from":"2026-11-01","to":"2026-11-30"}.</summary>
    public string Parameters { get; set; } = "{}";

    /// <summary>Who asked: only they (and the province admin) see the job and its file.</summary>
    public Guid RequestedBy { get; set; }

    public ExportState State { get; set; }

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    public string? FileName { get; set; }
    public string? ContentType { get; set; }

    /// <summary>The file's key in the file storage, once made.</summary>
    public string? StorageKey { get; set; }

    /// <summary>Why it failed, for the person who asked.</summary>
    public string? Error { get; set; }

    public int Attempts { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? StartedAt { get; set; }

    /// <summary>The running worker's last sign of life: a job running with none for a while is taken over by another node.</summary>
    public Instant? HeartbeatAt { get; set; }

    public Instant? FinishedAt { get; set; }
}

internal sealed class ExportJobMapping : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> b)
    {
        b.ToTable("export_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).ValueGeneratedNever();
        b.Property(j => j.Kind).HasMaxLength(40);
        b.Property(j => j.Format).HasMaxLength(8);
        b.Property(j => j.Parameters).HasMaxLength(2000);
        b.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
        b.Property(j => j.FileName).HasMaxLength(200);
        b.Property(j => j.ContentType).HasMaxLength(100);
        b.Property(j => j.StorageKey).HasMaxLength(200);
        b.Property(j => j.Error).HasMaxLength(1000);
        b.HasIndex(j => new { j.State, j.CreatedAt });
        b.HasIndex(j => j.RequestedBy);
    }
}
