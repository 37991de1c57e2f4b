using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Modules.Calendar.Domain;

/// <summary>
/// The one-stop's working calendar: which days are worked, which hours of them, and how time limits counted in
/// working days or working hours run over them. Time limits exclude weekends, public holidays and Tết, and include
/// make-up working days (Labor Code 2019, art. 111–112; Decree 118/2025). Plain arithmetic over the given days,
/// hours and zone: it never reads a clock.
/// </summary>
public sealed class WorkingCalendar : IWorkingTime
{
    /// <summary>Asia/Ho_Chi_Minh, UTC+7 all year (no daylight saving since 1975).</summary>
    public static DateTimeZone VietnamZone => DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>No real calendar has this many days off in a row; reaching it means the data is broken.</summary>
    private const int MaxDaysToSearch = 366 * 2;

    private static readonly decimal TicksPerHour = NodaConstants.TicksPerHour;

    private readonly Dictionary<LocalDate, CalendarDay> _days;

    public WorkingCalendar(IEnumerable<CalendarDay> days, WorkingHours hours, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        _days = [];
        foreach (var day in days)
        {
            if (!_days.TryAdd(day.Date, day))
            {
                throw new CalendarRuleException($"Ngày {VietnameseDates.Short(day.Date)} có hai lần trong lịch làm việc.");
            }
        }

        Hours = hours;
        Zone = zone;
    }

    public WorkingHours Hours { get; }

    public DateTimeZone Zone { get; }

    /// <summary>The holidays and make-up working days, by date.</summary>
    public IEnumerable<CalendarDay> Days => _days.Values.OrderBy(d => d.Date);

    /// <summary>Monday–Friday unless a holiday; Saturday and Sunday only when a make-up working day.</summary>
    public bool IsWorkingDay(LocalDate date) => _days.TryGetValue(date, out var day)
        ? day.Kind == CalendarDayKind.MakeUpWorkingDay
        : !CalendarDay.IsWeekend(date);

    /// <summary>
    /// When an online application counts as received: at once inside working hours of a working day; otherwise at
    /// the start of the next working period (before 08:00 → 08:00; at lunch → 13:00; from 17:00 or on a day off →
    /// 08:00 of the next working day). Legal.md, step 3: filings outside working hours count from the next working
    /// morning. The end of a period is outside it: a filing at 17:00:00 counts the next morning.
    /// </summary>
    public Instant ReceivedAt(Instant submittedAt) => ToInstant(NextWorkingMoment(ToLocal(submittedAt)));

    /// <summary>
    /// <paramref name="start"/> plus a time limit, counting only time inside working periods. A working day is
    /// <see cref="ProcessingTime.HoursPerWorkingDay"/> working hours, so Friday 16:00 + 1 working day = Monday 16:00
    /// and Monday 08:00 + 1 working day = Monday 17:00. A start outside working hours counts from the next period.
    /// </summary>
    public Instant AddWorkingTime(Instant start, decimal amount, TimeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var hours = unit switch
        {
            TimeUnit.WorkingDays => amount * ProcessingTime.HoursPerWorkingDay,
            TimeUnit.WorkingHours => amount,
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
        var remaining = Duration.FromTicks((long)Math.Round(hours * TicksPerHour, MidpointRounding.AwayFromZero));
        if (remaining == Duration.Zero)
        {
            return start;
        }

        var now = ToLocal(start);
        while (true)
        {
            var (from, to) = CurrentOrNextPeriod(now);
            var begin = now > from ? now : from;
            var available = Between(begin, to);
            if (remaining <= available)
            {
                return ToInstant(begin + Period.FromTicks(remaining.BclCompatibleTicks));
            }

            remaining -= available;
            now = to;
        }
    }

    /// <summary>
    /// Working hours elapsed from <paramref name="from"/> to <paramref name="to"/> (0 when to ≤ from). With
    /// <see cref="AddWorkingTime"/> it stops the clock while a supplement is pending:
    /// new due = AddWorkingTime(due, WorkingHoursBetween(asked, supplemented), WorkingHours).
    /// </summary>
    public decimal WorkingHoursBetween(Instant from, Instant to)
    {
        if (to <= from)
        {
            return 0m;
        }

        var end = ToLocal(to);
        var now = ToLocal(from);
        var total = Duration.Zero;
        while (true)
        {
            var (periodStart, periodEnd) = CurrentOrNextPeriod(now);
            if (periodStart >= end)
            {
                break;
            }

            var begin = now > periodStart ? now : periodStart;
            var finish = periodEnd < end ? periodEnd : end;
            total += Between(begin, finish);
            if (periodEnd >= end)
            {
                break;
            }

            now = periodEnd;
        }

        return total.BclCompatibleTicks / TicksPerHour;
    }

    /// <summary>
    /// When the one-stop must hand a received file to the processing step (legal.md, step 2: the same working day,
    /// or at the start of the next working day when received after the 15:00 cut-off). "Same day" is read as the end
    /// of that working day (17:00); "the start of the next working day" as its first period, so the deadline is the
    /// end of that morning (12:00). A file received on a day off is handed over on the next working morning too.
    /// </summary>
    public Instant TransferDeadline(Instant receivedAt)
    {
        var local = ToLocal(receivedAt);
        if (IsWorkingDay(local.Date) && local.TimeOfDay <= Hours.TransferCutoff)
        {
            return ToInstant(local.Date + Hours.AfternoonEnd);
        }

        return ToInstant(NextWorkingDay(local.Date) + Hours.MorningEnd);
    }

    /// <summary>
    /// The due instant of each workflow step: the working time between <paramref name="start"/> and
    /// <paramref name="due"/> split by the steps' shares (which add up to 1), rounded to the minute; the last is
    /// <paramref name="due"/> itself.
    /// </summary>
    public IReadOnlyList<Instant> SplitByShares(Instant start, Instant due, IReadOnlyList<decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0 || shares.Any(s => s <= 0))
        {
            throw new ArgumentException("Each step needs a share greater than 0.", nameof(shares));
        }

        if (Math.Abs(shares.Sum() - 1m) > 0.001m)
        {
            throw new ArgumentException("The shares of the steps must add up to 1.", nameof(shares));
        }

        if (due < start)
        {
            throw new ArgumentException("The due instant is before the start.", nameof(due));
        }

        var totalMinutes = WorkingHoursBetween(start, due) * 60m;
        var dues = new List<Instant>(shares.Count);
        var cumulative = 0m;
        for (var i = 0; i < shares.Count - 1; i++)
        {
            cumulative += shares[i];
            var minutes = Math.Round(totalMinutes * cumulative, MidpointRounding.AwayFromZero);
            dues.Add(AddWorkingTime(start, minutes / 60m, TimeUnit.WorkingHours));
        }

        dues.Add(due);
        return dues;
    }

    /// <summary>
    /// Late when finished after the due instant; early when finished on an earlier day (local date) than the due
    /// day; otherwise on time. An application finished the morning of its due day is on time, not early.
    /// </summary>
    public Timeliness Classify(Instant finishedAt, Instant dueAt)
    {
        if (finishedAt > dueAt)
        {
            return Timeliness.Late;
        }

        return ToLocal(finishedAt).Date < ToLocal(dueAt).Date ? Timeliness.Early : Timeliness.OnTime;
    }

    /// <summary>When an application submitted online now would be received and due under <paramref name="limit"/>.</summary>
    public ExpectedDates Expect(Instant submittedAt, ProcessingTime limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var received = ReceivedAt(submittedAt);
        return new ExpectedDates(submittedAt, received, AddWorkingTime(received, limit.Value, limit.Unit));
    }

    /// <summary>The instant as a local date and time of the calendar's zone.</summary>
    public LocalDateTime ToLocal(Instant instant) => instant.InZone(Zone).LocalDateTime;

    private Instant ToInstant(LocalDateTime local) => local.InZoneLeniently(Zone).ToInstant();

    private LocalDateTime NextWorkingMoment(LocalDateTime local)
    {
        var (from, _) = CurrentOrNextPeriod(local);
        return local > from ? local : from;
    }

    /// <summary>The working period that contains <paramref name="local"/> (start inclusive, end exclusive) or comes next.</summary>
    private (LocalDateTime From, LocalDateTime To) CurrentOrNextPeriod(LocalDateTime local)
    {
        var date = local.Date;
        if (IsWorkingDay(date))
        {
            var time = local.TimeOfDay;
            if (time < Hours.MorningEnd)
            {
                return (date + Hours.MorningStart, date + Hours.MorningEnd);
            }

            if (time < Hours.AfternoonEnd)
            {
                return (date + Hours.AfternoonStart, date + Hours.AfternoonEnd);
            }
        }

        var next = NextWorkingDay(date);
        return (next + Hours.MorningStart, next + Hours.MorningEnd);
    }

    private LocalDate NextWorkingDay(LocalDate after)
    {
        var date = after;
        for (var i = 0; i < MaxDaysToSearch; i++)
        {
            date = date.PlusDays(1);
            if (IsWorkingDay(date))
            {
                return date;
            }
        }

        throw new CalendarRuleException($"Không có ngày làm việc nào trong {MaxDaysToSearch} ngày sau {VietnameseDates.Short(after)}.");
    }

    private static Duration Between(LocalDateTime from, LocalDateTime to) => Period.Between(from, to, PeriodUnits.Ticks).ToDuration();
}
