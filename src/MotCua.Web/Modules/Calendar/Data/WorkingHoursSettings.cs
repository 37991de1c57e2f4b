using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.Web.Modules.Calendar.Data;

/// <summary>The one row of the working_hours table: the province's <see cref="WorkingHours"/>.</summary>
internal sealed class WorkingHoursSettings
{
    public const int SingletonId = 1;

    private WorkingHoursSettings()
    {
    }

    public WorkingHoursSettings(WorkingHours hours)
    {
        Id = SingletonId;
        Apply(hours);
    }

    public int Id { get; private set; }
    public LocalTime MorningStart { get; private set; }
    public LocalTime MorningEnd { get; private set; }
    public LocalTime AfternoonStart { get; private set; }
    public LocalTime AfternoonEnd { get; private set; }
    public LocalTime TransferCutoff { get; private set; }

    public WorkingHours ToWorkingHours() => new(MorningStart, MorningEnd, AfternoonStart, AfternoonEnd, TransferCutoff);

    public void Apply(WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        MorningStart = hours.MorningStart;
        MorningEnd = hours.MorningEnd;
        AfternoonStart = hours.AfternoonStart;
        AfternoonEnd = hours.AfternoonEnd;
        TransferCutoff = hours.TransferCutoff;
    }
}
