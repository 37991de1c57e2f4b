using System.Globalization;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;

namespace MotCua.Web.Modules.Calendar.Domain;

/// <summary>
/// The one-stop's office hours: a morning and an afternoon period, and the transfer cut-off of the one-stop's
/// step 2 (an application received after it is handed to the processing unit the next working day).
/// </summary>
public sealed class WorkingHours
{
    /// <summary>08:00–12:00 and 13:00–17:00 (8 hours, Decision 188/1999/QĐ-TTg); transfer cut-off 15:00 (Decree 118/2025).</summary>
    public static readonly WorkingHours Default = new(new LocalTime(8, 0), new LocalTime(12, 0), new LocalTime(13, 0), new LocalTime(17, 0), new LocalTime(15, 0));

    /// <exception cref="CalendarRuleException">The periods are not in order, or do not add up to a working day.</exception>
    public WorkingHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd, LocalTime transferCutoff)
    {
        var problems = Problems(morningStart, morningEnd, afternoonStart, afternoonEnd, transferCutoff);
        if (problems.Count > 0)
        {
            throw new CalendarRuleException(problems[0].Message);
        }

        MorningStart = morningStart;
        MorningEnd = morningEnd;
        AfternoonStart = afternoonStart;
        AfternoonEnd = afternoonEnd;
        TransferCutoff = transferCutoff;
    }

    public LocalTime MorningStart { get; }

    public LocalTime MorningEnd { get; }

    public LocalTime AfternoonStart { get; }

    public LocalTime AfternoonEnd { get; }

    /// <summary>Received at or before this time of a working day: transferred the same day (legal.md, step 2).</summary>
    public LocalTime TransferCutoff { get; }

    /// <summary>Working time in one working day; always <see cref="ProcessingTime.HoursPerWorkingDay"/> hours.</summary>
    public Duration PerDay => (MorningEnd - MorningStart).ToDuration() + (AfternoonEnd - AfternoonStart).ToDuration();

    /// <summary>
    /// What is wrong with these hours, field by field (names are this type's property names), in Vietnamese.
    /// The two periods must be in order and not overlap, and add up to 8 hours: time limits in working days are
    /// converted at 8 working hours a day, the civil service's legal working day.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(
        LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd, LocalTime transferCutoff)
    {
        var problems = new List<(string, string)>();
        if (morningEnd <= morningStart)
        {
            problems.Add((nameof(MorningEnd), "Giờ kết thúc buổi sáng phải sau giờ bắt đầu buổi sáng."));
        }

        if (afternoonStart < morningEnd)
        {
            problems.Add((nameof(AfternoonStart), "Giờ bắt đầu buổi chiều không được trước giờ kết thúc buổi sáng."));
        }

        if (afternoonEnd <= afternoonStart)
        {
            problems.Add((nameof(AfternoonEnd), "Giờ kết thúc buổi chiều phải sau giờ bắt đầu buổi chiều."));
        }

        if (problems.Count == 0)
        {
            var total = (morningEnd - morningStart).ToDuration() + (afternoonEnd - afternoonStart).ToDuration();
            var expected = Duration.FromMinutes((long)(ProcessingTime.HoursPerWorkingDay * 60));
            if (total != expected)
            {
                problems.Add((nameof(AfternoonEnd),
                    $"Tổng thời gian làm việc buổi sáng và buổi chiều phải bằng {ProcessingTime.HoursPerWorkingDay:0} giờ (hiện là {Describe(total)})."));
            }
        }

        if (transferCutoff < morningStart || transferCutoff > afternoonEnd)
        {
            problems.Add((nameof(TransferCutoff), "Giờ chốt chuyển hồ sơ trong ngày phải nằm trong giờ làm việc."));
        }

        return problems;
    }

    private static string Describe(Duration total) =>
        total.Minutes == 0 ? $"{total.TotalHours:0} giờ" : $"{(int)total.TotalHours} giờ {total.Minutes} phút";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{MorningStart:HH:mm}–{MorningEnd:HH:mm}, {AfternoonStart:HH:mm}–{AfternoonEnd:HH:mm}, chốt chuyển {TransferCutoff:HH:mm}");
}
