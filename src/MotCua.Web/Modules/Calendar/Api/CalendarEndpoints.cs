using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Calendar.Domain;
using MotCua.Web.Modules.Calendar.Public;
using NodaTime.Text;

namespace MotCua.Web.Modules.Calendar.Api;

/// <summary>One exception to the ordinary week: date "2026-02-16", kind Holiday or MakeUpWorkingDay, and its name.</summary>
public sealed record CalendarDayDto(string Date, CalendarDayKind Kind, string Name);

/// <summary>Office hours as "08:00"; an application received after <see cref="TransferCutoff"/> is handed over the next working day.</summary>
public sealed record WorkingHoursDto(string MorningStart, string MorningEnd, string AfternoonStart, string AfternoonEnd, string TransferCutoff);

public sealed record CalendarYearDto(int Year, WorkingHoursDto WorkingHours, IReadOnlyList<CalendarDayDto> Days);

internal static class CalendarEndpoints
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/calendar/{year:int}", GetYear).WithName("GetWorkingCalendar")
            .WithSummary("Lịch làm việc của một năm: ngày nghỉ lễ, Tết, ngày làm việc bù và giờ làm việc mà thời hạn giải quyết được tính theo");

    private static async Task<Results<Ok<CalendarYearDto>, ProblemHttpResult>> GetYear(int year, WorkingCalendarProvider calendars, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            return Problems.Validation("Năm không hợp lệ.", ("year", "Năm phải trong khoảng 2000–2100."));
        }

        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var h = calendar.Hours;
        var hours = new WorkingHoursDto(Time.Format(h.MorningStart), Time.Format(h.MorningEnd), Time.Format(h.AfternoonStart), Time.Format(h.AfternoonEnd), Time.Format(h.TransferCutoff));
        var days = calendar.Days.Where(d => d.Date.Year == year).Select(d => new CalendarDayDto(Date.Format(d.Date), d.Kind, d.Name)).ToList();
        return TypedResults.Ok(new CalendarYearDto(year, hours, days));
    }
}
