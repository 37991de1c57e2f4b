using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Pages;

public enum Urgency
{
    /// <summary>A working day or more left.</summary>
    Ok,

    /// <summary>Less than a working day left.</summary>
    Soon,

    Overdue,

    /// <summary>The clock stops (supplement, payment, suspension).</summary>
    Paused,

    /// <summary>Finished in time, or no deadline.</summary>
    Done,
}

/// <summary>
/// "còn 2 ngày", "còn 3 giờ", "quá hạn 1 ngày": the time left before the due date (the new date after an apology),
/// counted in working time by the same calendar that set the deadline (8 working hours make a day).
/// </summary>
public sealed record TimeLeft(string Text, Urgency Urgency)
{
    public string CssClass => "urgency-" + Urgency.ToString().ToLowerInvariant();

    public static TimeLeft Of(Application application, IWorkingTime time, Instant now)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Of(application.Status, application.DueAt, application.ApologyNewDueAt, application.Timeliness, time, now);
    }

    public static TimeLeft Of(ApplicationStatus status, Instant? dueAt, Instant? newDueAt, Timeliness? timeliness, IWorkingTime time, Instant now)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (timeliness is Timeliness finished)
        {
            return new TimeLeft(finished.Vietnamese(), finished == Timeliness.Late ? Urgency.Overdue : Urgency.Done);
        }

        if (status.IsFinal() || status == ApplicationStatus.Draft || (newDueAt ?? dueAt) is not Instant due)
        {
            return new TimeLeft("—", Urgency.Done);
        }

        if (status is ApplicationStatus.SupplementRequested or ApplicationStatus.AwaitingPayment or ApplicationStatus.Suspended)
        {
            return new TimeLeft("tạm dừng tính hạn", Urgency.Paused);
        }

        if (now <= due)
        {
            var left = time.WorkingHoursBetween(now, due);
            return left >= ProcessingTime.HoursPerWorkingDay
                ? new TimeLeft($"còn {Days(left)} ngày", Urgency.Ok)
                : new TimeLeft(left >= 1 ? $"còn {(int)left} giờ" : "còn dưới 1 giờ", Urgency.Soon);
        }

        var over = time.WorkingHoursBetween(due, now);
        return new TimeLeft(
            over >= ProcessingTime.HoursPerWorkingDay ? $"quá hạn {Days(over)} ngày" : over >= 1 ? $"quá hạn {(int)over} giờ" : "quá hạn dưới 1 giờ",
            Urgency.Overdue);
    }

    private static int Days(decimal hours) => (int)(hours / ProcessingTime.HoursPerWorkingDay);
}
