using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Applications;

// Placeholder until the working calendar lands on this branch: counts every hour.
internal sealed class TemporaryWorkingTime : IWorkingTime
{
    public Instant ReceivedAt(Instant submittedAt) => submittedAt;

    public Instant AddWorkingTime(Instant start, decimal amount, TimeUnit unit) =>
        start + Duration.FromMinutes((double)(unit == TimeUnit.WorkingDays ? amount * 8 * 60 : amount * 60));

    public decimal WorkingHoursBetween(Instant from, Instant to) => to <= from ? 0 : (decimal)(to - from).TotalHours;

    public Instant TransferDeadline(Instant receivedAt) => receivedAt + Duration.FromHours(8);

    public IReadOnlyList<Instant> SplitByShares(Instant start, Instant due, IReadOnlyList<decimal> shares)
    {
        var total = (due - start).TotalMinutes;
        var acc = 0m;
        return shares.Select(s => { acc += s; return start + Duration.FromMinutes(total * (double)acc); }).ToList();
    }

    public Timeliness Classify(Instant finishedAt, Instant dueAt) => finishedAt > dueAt ? Timeliness.Late : Timeliness.OnTime;
}
