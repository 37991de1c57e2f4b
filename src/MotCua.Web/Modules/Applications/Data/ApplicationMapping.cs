using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Common.Persistence;

namespace MotCua.Web.Modules.Applications.Data;

internal sealed class ApplicationMapping : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("applications");
        b.Property(a => a.Code).HasMaxLength(40);
        b.HasIndex(a => a.Code).IsUnique();
        // One MotCua application per national application, however often the portal hands it over.
        b.Property(a => a.NationalCode).HasMaxLength(60);
        b.HasIndex(a => a.NationalCode).IsUnique();
        b.Ignore(a => a.Source);
        b.Property(a => a.ProcedureCode).HasMaxLength(32);
        b.Property(a => a.ProcedureName).HasMaxLength(600);
        b.Property(a => a.UnitPath).HasMaxLength(400).CompareByBytes();
        b.Property(a => a.ApplicantName).HasMaxLength(200);
        b.Property(a => a.ApplicantIdentityNumber).HasMaxLength(14);
        b.Property(a => a.ApplicantPhone).HasMaxLength(20);
        b.Property(a => a.ApplicantEmail).HasMaxLength(200);
        b.Property(a => a.ApplicantAddress).HasMaxLength(400);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.CurrentRole).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.CurrentUnitPath).HasMaxLength(400).CompareByBytes();
        b.Property(a => a.Timeliness).HasConversion<string>().HasMaxLength(8);
        b.Property(a => a.ReturnMethod).HasConversion<string>().HasMaxLength(8);
        b.Property(a => a.ResumeStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.Consent).HasMaxLength(400);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.LegalBasis).HasMaxLength(1000);
        b.Property(a => a.ApologyReason).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.ComplexProperty(a => a.TimeLimit, t =>
        {
            t.Property(x => x.Value).HasColumnName("TimeLimitValue").HasPrecision(9, 2);
            t.Property(x => x.Unit).HasColumnName("TimeLimitUnit").HasConversion<string>().HasMaxLength(16);
        });
        b.OwnsMany(a => a.Steps, s =>
        {
            s.ToJson("Steps");
            s.Property(x => x.Role).HasConversion<string>();
        });
        b.OwnsMany(a => a.SupplementItems, s => s.ToJson("SupplementItems"));
        b.OwnsMany(a => a.NationalData, n =>
        {
            n.ToJson("NationalData");
            n.Property(x => x.Kind).HasConversion<string>();
        });
        b.Ignore(a => a.UsedNationalData);
        b.OwnsMany(a => a.FeeItems, f =>
        {
            f.ToJson("FeeItems");
            f.Property(x => x.Kind).HasConversion<string>();
        });
        b.Navigation(a => a.FeeItems).HasField("_feeItems");
        b.Property(a => a.ExemptionCategory).HasMaxLength(400);
        b.Property(a => a.ExemptionLegalBasis).HasMaxLength(1000);
        b.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(a => a.Events).HasField("_events");
        b.Ignore(a => a.Step);

        // What each inbox and list asks for.
        b.HasIndex(a => new { a.ApplicantId, a.CreatedAt });
        b.HasIndex(a => new { a.Status, a.UnitPath, a.DueAt });
        b.HasIndex(a => new { a.CurrentRole, a.CurrentUnitPath, a.DueAt });

        // The inbox page in due-date order without sorting the whole inbox: one ordered index scan per part, the
        // unit filter read from the index itself (PostgreSQL; SQLite ignores INCLUDE).
        b.HasIndex(a => new { a.Status, a.DueAt, a.Id }).IncludeProperties(a => a.UnitPath);
        b.HasIndex(a => new { a.CurrentRole, a.Status, a.DueAt, a.Id }).IncludeProperties(a => a.CurrentUnitPath);
    }
}

internal sealed class ApplicationEventMapping : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("application_events");
        b.HasIndex(e => new { e.ApplicationId, e.Sequence }).IsUnique();
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.ActorRole).HasMaxLength(24);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.InternalNote).HasMaxLength(2000);
    }
}

internal sealed class ApplicationDocumentMapping : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.ToTable("application_documents");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.Name).HasMaxLength(600);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.StorageKey).HasMaxLength(200);
        b.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.ApplicationId);
    }
}

/// <summary>The last number handed out per unit and day, for codes {unit}-{yyMMdd}-{seq}.</summary>
public sealed class ApplicationSequence
{
    public int UnitId { get; set; }
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>An Idempotency-Key already used by a caller, and the application it created.</summary>
public sealed class SubmissionKey
{
    public Guid CallerId { get; set; }
    public string Key { get; set; } = string.Empty;
    public long ApplicationId { get; set; }
    public Application? Application { get; set; }
    public NodaTime.Instant CreatedAt { get; set; }
}

internal sealed class ApplicationSequenceMapping : IEntityTypeConfiguration<ApplicationSequence>
{
    public void Configure(EntityTypeBuilder<ApplicationSequence> b)
    {
        b.ToTable("application_sequences");
        b.HasKey(s => new { s.UnitId, s.Day });
    }
}

internal sealed class SubmissionKeyMapping : IEntityTypeConfiguration<SubmissionKey>
{
    public void Configure(EntityTypeBuilder<SubmissionKey> b)
    {
        b.ToTable("submission_keys");
        b.HasKey(k => new { k.CallerId, k.Key });
        b.Property(k => k.Key).HasMaxLength(100);
        b.HasOne(k => k.Application).WithMany().HasForeignKey(k => k.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
