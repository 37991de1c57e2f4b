using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.Web.Modules.Calendar.Data;

/// <summary>NodaTime values stored as the BCL date and time types, which both SQLite and PostgreSQL map natively.</summary>
internal static class NodaConverters
{
    public static readonly ValueConverter<LocalDate, DateOnly> Date = new(d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));

    public static readonly ValueConverter<LocalTime, TimeOnly> Time = new(t => t.ToTimeOnly(), t => LocalTime.FromTimeOnly(t));
}

internal sealed class CalendarDayMapping : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.Property(d => d.Date).HasConversion(NodaConverters.Date);
        b.HasIndex(d => d.Date).IsUnique();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
    }
}

internal sealed class WorkingHoursMapping : IEntityTypeConfiguration<WorkingHoursSettings>
{
    public void Configure(EntityTypeBuilder<WorkingHoursSettings> b)
    {
        b.ToTable("working_hours");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.MorningStart).HasConversion(NodaConverters.Time);
        b.Property(h => h.MorningEnd).HasConversion(NodaConverters.Time);
        b.Property(h => h.AfternoonStart).HasConversion(NodaConverters.Time);
        b.Property(h => h.AfternoonEnd).HasConversion(NodaConverters.Time);
        b.Property(h => h.TransferCutoff).HasConversion(NodaConverters.Time);
    }
}
