using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Common.Persistence;

namespace MotCua.Web.Modules.Catalog.Data;

internal sealed class AdministrativeLevelMapping : IEntityTypeConfiguration<AdministrativeLevel>
{
    public void Configure(EntityTypeBuilder<AdministrativeLevel> b)
    {
        b.ToTable("levels");
        b.HasKey(l => l.Code);
        b.Property(l => l.Code).HasMaxLength(32);
        b.Property(l => l.Name).HasMaxLength(100);
    }
}

internal sealed class UnitMapping : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Code).HasMaxLength(32);
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(250);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(u => u.LevelCode).HasMaxLength(32);
        b.HasOne<AdministrativeLevel>().WithMany().HasForeignKey(u => u.LevelCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Path).HasMaxLength(400).CompareByBytes();
        b.HasIndex(u => u.Path);
        b.Property(u => u.Place).HasMaxLength(100);
        b.Property(u => u.AreaName).HasMaxLength(150);
        b.Property(u => u.Address).HasMaxLength(400);
        b.Property(u => u.Phone).HasMaxLength(50);
        b.Property(u => u.Email).HasMaxLength(200);
        b.Property(u => u.ShortName).HasMaxLength(150);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.Depth);
        b.Ignore(u => u.Ended);
    }
}

internal sealed class ProcedureMapping : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("procedures");
        b.Property(p => p.Code).HasMaxLength(32);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.NationalCode).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(600);
        b.Property(p => p.Field).HasMaxLength(200);
        b.HasIndex(p => p.Field);
        b.Property(p => p.LevelCode).HasMaxLength(32);
        b.HasOne<AdministrativeLevel>().WithMany().HasForeignKey(p => p.LevelCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.HandledBy).HasMaxLength(400);
        b.Property(p => p.ExternalUrl).HasMaxLength(400);
        b.Property(p => p.ResultType).HasMaxLength(400);
        b.Property(p => p.OnlineLevel).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => p.OnlineLevel);
        b.Property(p => p.SearchText).HasMaxLength(1200);
        b.PrimitiveCollection(p => p.ApplicantTypes).ElementType().HasConversion<string>();
        b.PrimitiveCollection(p => p.LegalBasis);

        b.ComplexProperty(p => p.Processing, t =>
        {
            t.Property(x => x.Value).HasColumnName("ProcessingValue").HasPrecision(9, 2);
            t.Property(x => x.Unit).HasColumnName("ProcessingUnit").HasConversion<string>().HasMaxLength(16);
        });
        b.OwnsOne(p => p.OnlineProcessing, t =>
        {
            t.Property(x => x.Value).HasColumnName("OnlineProcessingValue").HasPrecision(9, 2);
            t.Property(x => x.Unit).HasColumnName("OnlineProcessingUnit").HasConversion<string>().HasMaxLength(16);
        });
        b.OwnsOne(p => p.Form, f =>
        {
            f.Property(x => x.SchemaJson).HasColumnName("FormSchema");
            f.Property(x => x.UiJson).HasColumnName("FormUi");
        });
        b.OwnsMany(p => p.Documents, d => d.ToJson("Documents"));
        b.OwnsMany(p => p.Fees, f =>
        {
            f.ToJson("Fees");
            f.Property(x => x.Kind).HasConversion<string>();
        });
        b.Property(p => p.PaymentDue).HasConversion<string>().HasMaxLength(16);
        b.OwnsMany(p => p.FeeExemptions, e =>
        {
            e.ToJson("FeeExemptions");
            e.Property(x => x.AppliesTo).HasConversion<string>();
        });
        b.OwnsMany(p => p.Workflow, w =>
        {
            w.ToJson("Workflow");
            w.Property(s => s.Role).HasConversion<string>();
        });

        b.HasMany(p => p.Units).WithOne().HasForeignKey(u => u.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Units).HasField("_units");
    }
}

internal sealed class ProcedureUnitMapping : IEntityTypeConfiguration<ProcedureUnit>
{
    public void Configure(EntityTypeBuilder<ProcedureUnit> b)
    {
        b.ToTable("procedure_units");
        b.HasKey(u => new { u.ProcedureId, u.UnitId });
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.UnitId);
    }
}

internal sealed class ProcedureVersionMapping : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> b)
    {
        b.ToTable("procedure_versions");
        b.HasOne(v => v.Procedure).WithMany().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
        b.HasIndex(v => new { v.InForceAt, v.EffectiveFrom });
        b.Property(v => v.Note).HasMaxLength(2000);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class UnitChangeMapping : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> b)
    {
        b.ToTable("unit_changes");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.UnitCode).HasMaxLength(32);
        b.Property(c => c.OldPath).HasMaxLength(400);
        b.Property(c => c.NewPath).HasMaxLength(400);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.By).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.UnitId, c.EffectiveOn });
        b.HasIndex(c => c.EffectiveOn);
    }
}

internal sealed class SearchSynonymMapping : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> b)
    {
        b.ToTable("search_synonyms");
        b.Property(s => s.Term).HasMaxLength(SearchSynonym.TermLength);
        b.Property(s => s.FoldedTerm).HasMaxLength(SearchSynonym.TermLength);
        b.Property(s => s.Meaning).HasMaxLength(SearchSynonym.MeaningLength);
        b.HasIndex(s => s.FoldedTerm).IsUnique();
    }
}

internal sealed class NationalDataReplacementMapping : IEntityTypeConfiguration<NationalDataReplacement>
{
    public void Configure(EntityTypeBuilder<NationalDataReplacement> b)
    {
        b.ToTable("national_data_replacements");
        b.Property(r => r.ProcedureCode).HasMaxLength(NationalDataReplacement.ProcedureCodeLength);
        b.Property(r => r.ProcedureName).HasMaxLength(NationalDataReplacement.ProcedureNameLength);
        b.Property(r => r.DocumentReplaced).HasMaxLength(NationalDataReplacement.DocumentLength);
        b.Property(r => r.NationalDatabase).HasMaxLength(NationalDataReplacement.DatabaseLength);
        b.Property(r => r.DatabaseOwner).HasMaxLength(NationalDataReplacement.OwnerLength);
        b.Ignore(r => r.Kind);
        b.HasIndex(r => r.ProcedureCode);
    }
}
