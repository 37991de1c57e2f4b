using NodaTime;

namespace MotCua.Web.Modules.Calendar.Public;

public enum TimeUnit
{
    WorkingDays,
    WorkingHours,
}

/// <summary>A legal time limit, counted in working days or working hours ("trong ngày" = 8 working hours).</summary>
public sealed record ProcessingTime(decimal Value, TimeUnit Unit)
{
    public const decimal HoursPerWorkingDay = 8m;

    /// <summary>The limit in working days; hours become a fraction of a day.</summary>
    public decimal InWorkingDays => Unit == TimeUnit.WorkingDays ? Value : Math.Round(Value / HoursPerWorkingDay, 4);

    public string Describe() => Unit switch
    {
        TimeUnit.WorkingHours when Value == HoursPerWorkingDay => "Trong ngày làm việc (8 giờ làm việc)",
        TimeUnit.WorkingHours => $"{Value:0.##} giờ làm việc",
        _ => $"{Value:0.##} ngày làm việc",
    };
}

/// <summary>Whether an application was finished before, on or after the day it was due (form 06).</summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
}

/// <summary>When an online application counts as received and when its result is due.</summary>
public sealed record ExpectedDates(Instant SubmittedAt, Instant ReceivedAt, Instant DueAt);
