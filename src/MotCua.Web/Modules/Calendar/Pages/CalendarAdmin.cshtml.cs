using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Calendar.Data;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;
using NodaTime.Text;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Calendar.Domain;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Modules.Calendar.Pages;

/// <summary>The province admin's working calendar: days off and make-up working days per year, and working hours.</summary>
[Authorize(Roles = Roles.ProvinceAdmin)]
public sealed class CalendarAdminModel(MotCuaDbContext db, WorkingCalendarProvider calendars, Audit.Public.AuditTrail audit, IClock clock) : PageModel
{
    public const string Path = "/quan-tri/lich-lam-viec";
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    private static readonly LocalDatePattern[] DatePatterns =
    [
        LocalDatePattern.CreateWithInvariantCulture("d'/'M'/'uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd"),
    ];

    private static readonly LocalTimePattern[] TimePatterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("H':'mm"),
        LocalTimePattern.CreateWithInvariantCulture("H'g'mm"),
        LocalTimePattern.CreateWithInvariantCulture("H'h'mm"),
        LocalTimePattern.CreateWithInvariantCulture("H'g'"),
        LocalTimePattern.CreateWithInvariantCulture("H'h'"),
        LocalTimePattern.CreateWithInvariantCulture("%H"),
    ];

    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    /// <summary>The day the admin asked to delete, shown with its own confirmation before anything is removed.</summary>
    public CalendarDay? ToRemove { get; private set; }
    public WorkingHours CurrentHours { get; private set; } = WorkingHours.Default;

    [TempData]
    public string? Message { get; set; }

    // The "add a day" form.
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    // The working hours form.
    [BindProperty]
    public string? MorningStart { get; set; }

    [BindProperty]
    public string? MorningEnd { get; set; }

    [BindProperty]
    public string? AfternoonStart { get; set; }

    [BindProperty]
    public string? AfternoonEnd { get; set; }

    [BindProperty]
    public string? TransferCutoff { get; set; }

    public static string KindLabel(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "Ngày nghỉ",
        _ => "Ngày làm việc bù",
    };

    public static string Hhmm(LocalTime time) => LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Format(time);

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? year, CancellationToken cancellationToken)
    {
        LocalDate? date = null;
        if (string.IsNullOrWhiteSpace(Date))
        {
            ModelState.AddModelError(nameof(Date), "Nhập ngày, ví dụ 22/08/2026.");
        }
        else if (ParseDate(Date) is { } parsed)
        {
            date = parsed;
            if (!Common.Text.SensibleDates.Contains(parsed))
            {
                date = null;
                ModelState.AddModelError(nameof(Date), Common.Text.SensibleDates.Message);
            }
        }
        else
        {
            ModelState.AddModelError(nameof(Date), "Ngày không đúng. Nhập theo dạng ngày/tháng/năm, ví dụ 22/08/2026.");
        }

        CalendarDayKind? kind = Kind switch
        {
            nameof(CalendarDayKind.Holiday) => CalendarDayKind.Holiday,
            nameof(CalendarDayKind.MakeUpWorkingDay) => CalendarDayKind.MakeUpWorkingDay,
            _ => null,
        };
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Chọn loại ngày: ngày nghỉ hoặc ngày làm việc bù.");
        }

        if (CalendarDay.NameProblem(Name) is { } nameProblem)
        {
            ModelState.AddModelError(nameof(Name), nameProblem);
        }

        if (date is { } d && kind is { } k)
        {
            if (CalendarDay.KindProblem(d, k) is { } kindProblem)
            {
                ModelState.AddModelError(nameof(Date), kindProblem);
            }
            else if (await db.Set<CalendarDay>().AsNoTracking().SingleOrDefaultAsync(x => x.Date == d, cancellationToken) is { } existing)
            {
                ModelState.AddModelError(nameof(Date), Duplicate(existing));
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(year, cancellationToken);
            return Page();
        }

        var day = new CalendarDay(date!.Value, kind!.Value, Name!);
        db.Set<CalendarDay>().Add(day);
        Audited("calendar.add-day", day.Date, null, day);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same date a moment ago (unique index on Date).
            db.ChangeTracker.Clear();
            var existing = await db.Set<CalendarDay>().AsNoTracking().SingleOrDefaultAsync(x => x.Date == day.Date, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            ModelState.AddModelError(nameof(Date), Duplicate(existing));
            await LoadAsync(year, cancellationToken);
            return Page();
        }

        calendars.Invalidate();
        Message = $"Đã thêm {KindLabel(day.Kind).ToLowerInvariant()} {VietnameseDates.Date(day.Date)}: {day.Name}.";
        return RedirectToPage(new { year = day.Date.Year });
    }

    /// <summary>"Xóa": asks first, naming the day and what removing it changes.</summary>
    public async Task<IActionResult> OnGetConfirmRemoveAsync(int id, string? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        ToRemove = Days.FirstOrDefault(d => d.Id == id);
        if (ToRemove is null)
        {
            Message = "Ngày này không còn trong lịch (có thể đã được xóa).";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? year, CancellationToken cancellationToken)
    {
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (day is null)
        {
            Message = "Ngày này không còn trong lịch (có thể đã được xóa).";
            return RedirectToPage(new { year });
        }

        db.Set<CalendarDay>().Remove(day);
        Audited("calendar.remove-day", day.Date, day, null);
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        Message = $"Đã xóa {KindLabel(day.Kind).ToLowerInvariant()} {VietnameseDates.Date(day.Date)}: {day.Name}.";
        return RedirectToPage(new { year = day.Date.Year });
    }

    public async Task<IActionResult> OnPostHoursAsync(string? year, CancellationToken cancellationToken)
    {
        var morningStart = ParseTime(nameof(MorningStart), MorningStart);
        var morningEnd = ParseTime(nameof(MorningEnd), MorningEnd);
        var afternoonStart = ParseTime(nameof(AfternoonStart), AfternoonStart);
        var afternoonEnd = ParseTime(nameof(AfternoonEnd), AfternoonEnd);
        var cutoff = ParseTime(nameof(TransferCutoff), TransferCutoff);
        if (ModelState.IsValid)
        {
            foreach (var (field, message) in WorkingHours.Problems(morningStart, morningEnd, afternoonStart, afternoonEnd, cutoff))
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(year, cancellationToken);
            return Page();
        }

        var hours = new WorkingHours(morningStart, morningEnd, afternoonStart, afternoonEnd, cutoff);
        var settings = await db.Set<WorkingHoursSettings>().SingleOrDefaultAsync(cancellationToken);
        audit.Record(CurrentUserId(), User.Identity?.Name ?? "?", "calendar.working-hours", "working-hours",
            settings?.ToWorkingHours().ToString(), hours.ToString());
        if (settings is null)
        {
            db.Set<WorkingHoursSettings>().Add(new WorkingHoursSettings(hours));
        }
        else
        {
            settings.Apply(hours);
        }

        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        Message = $"Đã lưu giờ làm việc: {hours}.";
        return RedirectToPage(new { year });
    }

    private async Task LoadAsync(string? year, CancellationToken cancellationToken)
    {
        var thisYear = clock.GetCurrentInstant().InZone(WorkingCalendar.VietnamZone).Year;
        Year = int.TryParse(year, out var y) && y is >= FirstYear and <= LastYear ? y : thisYear;
        var from = new LocalDate(Year, 1, 1);
        var to = new LocalDate(Year + 1, 1, 1);
        Days = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.Date >= from && d.Date < to)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);
        var dates = await db.Set<CalendarDay>().AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        Years = dates.Select(d => d.Year)
            .Concat(Enumerable.Range(thisYear - 1, 5))
            .Append(Year)
            .Distinct()
            .Order()
            .ToList();
        var settings = await db.Set<WorkingHoursSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        CurrentHours = settings?.ToWorkingHours() ?? WorkingHours.Default;
        MorningStart ??= Hhmm(CurrentHours.MorningStart);
        MorningEnd ??= Hhmm(CurrentHours.MorningEnd);
        AfternoonStart ??= Hhmm(CurrentHours.AfternoonStart);
        AfternoonEnd ??= Hhmm(CurrentHours.AfternoonEnd);
        TransferCutoff ??= Hhmm(CurrentHours.TransferCutoff);
    }

    private static LocalDate? ParseDate(string text)
    {
        var value = text.Trim();
        foreach (var pattern in DatePatterns)
        {
            var result = pattern.Parse(value);
            if (result.Success && result.Value.Year is >= FirstYear and <= LastYear)
            {
                return result.Value;
            }
        }

        return null;
    }

    private LocalTime ParseTime(string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var pattern in TimePatterns)
            {
                var result = pattern.Parse(text.Trim());
                if (result.Success)
                {
                    return result.Value;
                }
            }
        }

        ModelState.AddModelError(field, "Nhập giờ theo dạng giờ:phút, ví dụ 08:00 hoặc 13:30.");
        return default;
    }

    private static string Duplicate(CalendarDay existing) =>
        $"Ngày {VietnameseDates.Short(existing.Date)} đã có trong lịch ({KindLabel(existing.Kind).ToLowerInvariant()}: {existing.Name}). " +
        "Muốn đổi thì xóa ngày đó trước.";

    private void Audited(string action, LocalDate date, CalendarDay? before, CalendarDay? after) =>
        audit.Record(CurrentUserId(), User.Identity?.Name ?? "?", action, $"calendar-day:{date:uuuu-MM-dd}",
            before is null ? null : new { date = before.Date.ToString("uuuu-MM-dd", null), kind = before.Kind.ToString(), before.Name },
            after is null ? null : new { date = after.Date.ToString("uuuu-MM-dd", null), kind = after.Kind.ToString(), after.Name });

    private Guid? CurrentUserId() =>
        Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}
