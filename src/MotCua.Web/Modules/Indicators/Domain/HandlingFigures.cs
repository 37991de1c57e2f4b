namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>
/// Received for handling in a period (form 06a): carried over from before it plus newly received in it; the newly
/// received split by channel (online = filed remotely or assisted; at the counter; by post).
/// </summary>
public sealed record HandlingReceived(long Total, long CarriedOver, long Online, long Counter, long Postal);

/// <summary>Finished in the period, by timeliness against the due date.</summary>
public sealed record HandlingResolved(long Total, long Early, long OnTime, long Late);

/// <summary>Still being handled at the end of the period: within time, or past the due day.</summary>
public sealed record HandlingPending(long Total, long WithinTime, long Overdue);

/// <summary>One field's (lĩnh vực) row of the handling report, or the total row.</summary>
public sealed record HandlingLine(string Field, HandlingReceived Received, HandlingResolved Resolved, HandlingPending Pending)
{
    public static HandlingLine Sum(string field, IEnumerable<HandlingLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var all = lines.ToList();
        return new HandlingLine(
            field,
            new HandlingReceived(all.Sum(l => l.Received.Total), all.Sum(l => l.Received.CarriedOver), all.Sum(l => l.Received.Online), all.Sum(l => l.Received.Counter), all.Sum(l => l.Received.Postal)),
            new HandlingResolved(all.Sum(l => l.Resolved.Total), all.Sum(l => l.Resolved.Early), all.Sum(l => l.Resolved.OnTime), all.Sum(l => l.Resolved.Late)),
            new HandlingPending(all.Sum(l => l.Pending.Total), all.Sum(l => l.Pending.WithinTime), all.Sum(l => l.Pending.Overdue)));
    }
}

/// <summary>
/// The handling report's rules, as prefix sums of the daily counters (<see cref="Measures"/>): what was counted on the
/// days before the period, and on its days.
/// <list type="bullet">
/// <item>carried over = received before − closed before;</item>
/// <item>received total = carried over + newly received in the period (online + counter + postal);</item>
/// <item>resolved = finished in the period, early, on time or late;</item>
/// <item>pending at the end = received up to the last day − closed up to it; overdue = became overdue up to it − of
/// those, closed up to it; within time = pending − overdue.</item>
/// </list>
/// An application received and then withdrawn leaves the received figures as they were and is in neither resolved nor
/// pending, so received total = resolved + pending + withdrawn in the period.
/// </summary>
public static class HandlingFigures
{
    /// <summary>The measures the report sums over the days before the period (the rest it reads on the period's days).</summary>
    public static readonly string[] Running = [Measures.Received, Measures.Closed, Measures.OverdueFrom, Measures.OverdueFromClosed];

    /// <summary>The measures the report sums over the period's days.</summary>
    public static readonly string[] InPeriod =
    [
        Measures.Received, Measures.ReceivedRemote, Measures.ReceivedAssisted, Measures.ReceivedCounter, Measures.ReceivedPostal,
        Measures.FinishedEarly, Measures.FinishedOnTime, Measures.FinishedLate, Measures.Closed, Measures.OverdueFrom, Measures.OverdueFromClosed,
    ];

    /// <param name="before">Sums per measure over every day before the period.</param>
    /// <param name="within">Sums per measure over the period's days.</param>
    public static HandlingLine Of(string field, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> within)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(within);
        long B(string m) => before.GetValueOrDefault(m);
        long W(string m) => within.GetValueOrDefault(m);
        long UpToEnd(string m) => B(m) + W(m);

        var carriedOver = B(Measures.Received) - B(Measures.Closed);
        var received = new HandlingReceived(
            carriedOver + W(Measures.Received),
            carriedOver,
            W(Measures.ReceivedRemote) + W(Measures.ReceivedAssisted),
            W(Measures.ReceivedCounter),
            W(Measures.ReceivedPostal));
        var (early, onTime, late) = (W(Measures.FinishedEarly), W(Measures.FinishedOnTime), W(Measures.FinishedLate));
        var pending = UpToEnd(Measures.Received) - UpToEnd(Measures.Closed);
        var overdue = UpToEnd(Measures.OverdueFrom) - UpToEnd(Measures.OverdueFromClosed);
        return new HandlingLine(field, received, new HandlingResolved(early + onTime + late, early, onTime, late), new HandlingPending(pending, pending - overdue, overdue));
    }
}
