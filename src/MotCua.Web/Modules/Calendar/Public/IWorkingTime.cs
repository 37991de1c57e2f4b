using NodaTime;

namespace MotCua.Web.Modules.Calendar.Public;

/// <summary>The working calendar as other modules use it: deadlines count working time only.</summary>
public interface IWorkingTime
{
    /// <summary>When an online submission counts as received (outside working hours: the next working morning).</summary>
    Instant ReceivedAt(Instant submittedAt);

    Instant AddWorkingTime(Instant start, decimal amount, TimeUnit unit);

    decimal WorkingHoursBetween(Instant from, Instant to);

    /// <summary>By when reception must hand the file to the first processing step.</summary>
    Instant TransferDeadline(Instant receivedAt);

    IReadOnlyList<Instant> SplitByShares(Instant start, Instant due, IReadOnlyList<decimal> shares);

    Timeliness Classify(Instant finishedAt, Instant dueAt);

    /// <summary>When an online application submitted at <paramref name="submittedAt"/> counts as received and is due.</summary>
    ExpectedDates Expect(Instant submittedAt, ProcessingTime limit);

    bool IsWorkingDay(LocalDate date);

    /// <summary>The zone days are counted in (Asia/Ho_Chi_Minh).</summary>
    DateTimeZone Zone { get; }
}
