using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Domain;

/// <summary>The working calendar as the application lifecycle uses it: deadlines count working time only.</summary>
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
}
