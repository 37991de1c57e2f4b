using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;

namespace MotCua.UnitTests.Modules.Indicators;

/// <summary>
/// The handling report's rules (form 06a) over the daily counters: a month's applications written out by hand, counted
/// by <see cref="Measures.Of"/>, summed as the report sums them (before the period, within it) and compared with what
/// each column must say.
/// </summary>
public sealed class HandlingFiguresTests
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>10:00 in Vietnam on that day.</summary>
    private static Instant At(int month, int day) => new LocalDateTime(2026, month, day, 10, 0).InZoneStrictly(Vietnam).ToInstant();

    private static ApplicationFigure Figure(Channel channel, Instant received, Instant due, Instant? finished = null, Timeliness? timeliness = null, Instant? closed = null,
        ApplicationStatus status = ApplicationStatus.InProgress) =>
        new(1, "A", 7, "1.001193", channel, status, received, finished, timeliness, null, null, false, true, due, closed ?? finished);

    private static readonly ApplicationFigure[] November =
    [
        // A: received in October, finished early inside November.
        Figure(Channel.Counter, At(10, 28), At(11, 5), At(11, 4), Timeliness.Early),
        // B: received in November, due on the 20th, still open at the end.
        Figure(Channel.Counter, At(11, 10), At(11, 20)),
        // C: received online in November and withdrawn two days later.
        Figure(Channel.OnlineRemote, At(11, 12), At(11, 22), closed: At(11, 14), status: ApplicationStatus.Withdrawn),
        // D: received in October, overdue since October, still open.
        Figure(Channel.Counter, At(10, 20), At(10, 25)),
        // E: by post late in November, due in December.
        Figure(Channel.Postal, At(11, 25), At(12, 5)),
        // F: received and finished late in October: nothing of it reaches November.
        Figure(Channel.Counter, At(10, 1), At(10, 10), At(10, 15), Timeliness.Late),
        // G: received in November, overdue there, finished late in December.
        Figure(Channel.Counter, At(11, 2), At(11, 6), At(12, 3), Timeliness.Late),
        // H: assisted online, due on the last day of November, still open: within time at the end of that day.
        Figure(Channel.OnlineAssisted, At(11, 3), At(11, 30)),
    ];

    private static HandlingLine Report(IEnumerable<ApplicationFigure> applications, LocalDate from, LocalDate to)
    {
        var keys = applications.SelectMany(a => Measures.Of(a, paidOnline: false)).ToList();
        var (first, last) = (Measures.Day(from), Measures.Day(to));
        Dictionary<string, long> Sum(Func<int, bool> day) =>
            keys.Where(k => day(k.Day)).GroupBy(k => k.Measure).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return HandlingFigures.Of("Hộ tịch", Sum(d => d < first), Sum(d => d >= first && d <= last));
    }

    [Fact]
    public void November_carries_over_what_october_left_open_and_counts_new_applications_by_channel()
    {
        var line = Report(November, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30));
        Assert.Equal(new HandlingReceived(Total: 7, CarriedOver: 2, Online: 2, Counter: 2, Postal: 1), line.Received); // A, D; B, C, E, G, H
        Assert.Equal(new HandlingResolved(Total: 1, Early: 1, OnTime: 0, Late: 0), line.Resolved);                  // A
        Assert.Equal(new HandlingPending(Total: 5, WithinTime: 2, Overdue: 3), line.Pending);                       // B, D, E, G, H; overdue B, D, G
    }

    [Fact]
    public void Received_is_resolved_plus_pending_plus_withdrawn()
    {
        var line = Report(November, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30));
        Assert.Equal(line.Received.Total, line.Resolved.Total + line.Pending.Total + 1); // C withdrawn
    }

    [Fact]
    public void December_starts_from_what_november_left_pending()
    {
        var november = Report(November, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30));
        var december = Report(November, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31));
        Assert.Equal(november.Pending.Total, december.Received.CarriedOver);
        Assert.Equal(new HandlingReceived(5, 5, 0, 0, 0), december.Received);
        Assert.Equal(new HandlingResolved(1, 0, 0, 1), december.Resolved);  // G
        Assert.Equal(new HandlingPending(4, 0, 4), december.Pending);       // B, D, E, H all past their due day by 31/12
    }

    [Fact]
    public void An_application_still_open_becomes_overdue_the_day_after_its_due_day()
    {
        var h = November[7];
        Assert.Equal(new HandlingPending(1, 1, 0), Report([h], new LocalDate(2026, 11, 30), new LocalDate(2026, 11, 30)).Pending);
        Assert.Equal(new HandlingPending(1, 0, 1), Report([h], new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 1)).Pending);
    }

    [Fact]
    public void An_application_withdrawn_after_reception_closes_without_a_timeliness()
    {
        var keys = Measures.Of(November[2], paidOnline: false);
        Assert.Contains(keys, k => k.Measure == Measures.Closed && k.Day == 20261114);
        Assert.DoesNotContain(keys, k => k.Measure.StartsWith(Measures.Finished, StringComparison.Ordinal));
        // Closed before its due day: it never was overdue, and adds no pair that would cancel out.
        Assert.DoesNotContain(keys, k => k.Measure is Measures.OverdueFrom or Measures.OverdueFromClosed);
        var line = Report([November[2]], new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30));
        Assert.Equal((1, 0, 0), (line.Received.Total, line.Resolved.Total, line.Pending.Total));
    }

    [Fact]
    public void Closed_late_the_overdue_count_ends_on_the_closing_day()
    {
        var g = Measures.Of(November[6], paidOnline: false);
        Assert.Contains(g, k => k.Measure == Measures.OverdueFrom && k.Day == 20261107);
        Assert.Contains(g, k => k.Measure == Measures.OverdueFromClosed && k.Day == 20261203);
        Assert.Contains(g, k => k.Measure == Measures.Closed && k.Day == 20261203);
    }

    [Fact]
    public void An_application_not_received_counts_in_no_column_though_it_has_a_due_date()
    {
        var submitted = new ApplicationFigure(1, "A", 7, "1.001193", Channel.OnlineRemote, ApplicationStatus.Submitted, null, null, null, null, null, false, true, At(11, 20), null);
        Assert.Empty(Measures.Of(submitted, paidOnline: false));
    }

    [Fact]
    public void The_total_row_adds_up_the_fields()
    {
        var a = Report(November[..4], new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)) with { Field = "Hộ tịch" };
        var b = Report(November[4..], new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)) with { Field = "Khác" };
        var total = HandlingLine.Sum("Tổng số", [a, b]);
        Assert.Equal(Report(November, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)) with { Field = "Tổng số" }, total);
    }
}
