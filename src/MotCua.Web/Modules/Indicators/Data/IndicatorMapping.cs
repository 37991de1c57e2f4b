using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Modules.Indicators.Data;

/// <summary>One counter of the rollups (see <see cref="Domain.Measures"/>).</summary>
public sealed class IndicatorCount
{
    public int UnitId { get; set; }

    /// <summary>The day in Vietnam as yyyyMMdd, so a period is a plain range.</summary>
    public int Day { get; set; }

    public string ProcedureCode { get; set; } = string.Empty;
    public string Measure { get; set; } = string.Empty;
    public long Count { get; set; }
}

/// <summary>What one application adds to the counters now, kept so its next change adds only the difference.</summary>
public sealed class CountedApplication
{
    public long ApplicationId { get; set; }

    /// <summary>Its counter keys, one "unit|day|procedure|measure" per line.</summary>
    public string Keys { get; set; } = string.Empty;

    /// <summary>Changes on every write: two workers counting the same application at once cannot both win.</summary>
    public Guid Version { get; set; }
}

/// <summary>
/// Which cut-off day the month and year rows of the counters follow (one row; none before they were first made): when
/// the province changes its cut-off day, start-up makes them again from the day rows.
/// </summary>
public sealed class CounterGrains
{
    public int Id { get; set; } = 1;
    public int? CutOffDay { get; set; }
}

internal sealed class CounterGrainsMapping : IEntityTypeConfiguration<CounterGrains>
{
    public void Configure(EntityTypeBuilder<CounterGrains> b)
    {
        b.ToTable("indicator_counter_grains");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).ValueGeneratedNever();
    }
}

internal sealed class IndicatorCountMapping : IEntityTypeConfiguration<IndicatorCount>
{
    public const string Table = "indicator_counts";

    public void Configure(EntityTypeBuilder<IndicatorCount> b)
    {
        b.ToTable(Table);
        b.HasKey(c => new { c.UnitId, c.Day, c.ProcedureCode, c.Measure });
        b.Property(c => c.ProcedureCode).HasMaxLength(40);
        b.Property(c => c.Measure).HasMaxLength(40);
        b.HasIndex(c => new { c.Day, c.Measure });

        // The reports' reads (a sub-tree's units, a run of rows of one grain, some measures; by procedure or not)
        // answered from this index alone, without visiting the table: the figures are sums of these rows.
        b.HasIndex(c => new { c.UnitId, c.Day, c.Measure, c.ProcedureCode, c.Count }).HasDatabaseName("IX_indicator_counts_report");
    }
}

internal sealed class CountedApplicationMapping : IEntityTypeConfiguration<CountedApplication>
{
    public void Configure(EntityTypeBuilder<CountedApplication> b)
    {
        b.ToTable("indicator_counted_applications");
        b.HasKey(c => c.ApplicationId);
        b.Property(c => c.ApplicationId).ValueGeneratedNever();
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class IndicatorTargetMapping : IEntityTypeConfiguration<Domain.IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<Domain.IndicatorTarget> b)
    {
        b.ToTable("indicator_targets");
        b.HasKey(t => t.Id);
        b.Property(t => t.IndicatorId).HasMaxLength(40);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(t => t.Value).HasPrecision(12, 2);
        b.Property(t => t.SetBy).HasMaxLength(200);
        b.HasIndex(t => new { t.UnitId, t.IndicatorId, t.FromDay, t.ToDay }).IsUnique();
    }
}
