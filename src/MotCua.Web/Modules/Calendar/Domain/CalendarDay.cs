using System.Text;
using NodaTime;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Modules.Calendar.Domain;

/// <summary>How a date departs from the ordinary week (Monday–Friday worked, Saturday and Sunday off).</summary>
public enum CalendarDayKind
{
    /// <summary>A weekday off: a public holiday, a Tết day, or a day swapped for a make-up Saturday.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday worked in exchange for a weekday off (ngày làm việc bù).</summary>
    MakeUpWorkingDay,
}

/// <summary>One exception to the ordinary week in the working calendar, e.g. 16/02/2026 "Tết Nguyên Đán".</summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 200;

    private CalendarDay()
    {
        Name = string.Empty;
    }

    /// <exception cref="CalendarRuleException">The name is empty or too long, or the kind does not fit the weekday.</exception>
    public CalendarDay(LocalDate date, CalendarDayKind kind, string name)
    {
        var problem = KindProblem(date, kind) ?? NameProblem(name);
        if (problem is not null)
        {
            throw new CalendarRuleException(problem);
        }

        Date = date;
        Kind = kind;
        Name = Clean(name);
    }

    public int Id { get; private set; }

    public LocalDate Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>What people read, e.g. "Tết Nguyên Đán", "Làm bù cho ngày nghỉ 31/8".</summary>
    public string Name { get; private set; }

    public static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>
    /// Why this kind cannot fall on this date, or null. A holiday that falls on a weekend is compensated on the next
    /// working day (Labor Code 2019, art. 112(3)), so the compensating weekday is what the calendar needs; a make-up
    /// working day only makes sense on a Saturday or Sunday.
    /// </summary>
    public static string? KindProblem(LocalDate date, CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday when IsWeekend(date) =>
            $"Ngày {VietnameseDates.Short(date)} là {VietnameseDates.Weekday(date.DayOfWeek)}, vốn đã là ngày nghỉ hằng tuần. " +
            "Ngày lễ rơi vào thứ Bảy hoặc Chủ nhật được nghỉ bù vào ngày làm việc kế tiếp: hãy thêm ngày nghỉ bù đó.",
        CalendarDayKind.MakeUpWorkingDay when !IsWeekend(date) =>
            $"Ngày {VietnameseDates.Short(date)} là {VietnameseDates.Weekday(date.DayOfWeek)}, vốn đã là ngày làm việc. " +
            "Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.",
        CalendarDayKind.Holiday or CalendarDayKind.MakeUpWorkingDay => null,
        _ => "Loại ngày không hợp lệ.",
    };

    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Nhập tên ngày, ví dụ \"Tết Nguyên Đán\".";
        }

        return Clean(name).Length > MaxNameLength ? $"Tên ngày dài quá {MaxNameLength} ký tự." : null;
    }

    /// <summary>Trimmed, single-spaced and in Unicode NFC, so "Tết" typed with combining marks is stored as one form.</summary>
    private static string Clean(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A calendar entry or working-hours setting broke a rule; the message is for people.</summary>
public sealed class CalendarRuleException(string message) : Exception(message);
