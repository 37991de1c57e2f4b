using System.Globalization;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using NodaTime;

namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>
/// What the rollups count, per unit, procedure and day (Vietnam time): each application adds one to a measure on the day
/// it was received, finished or returned. Indicators are sums of these over a unit's sub-tree and a period.
/// </summary>
public static class Measures
{
    public const string Received = "received";
    public const string ReceivedRemote = "received.remote";
    public const string ReceivedAssisted = "received.assisted";
    public const string ReceivedCounter = "received.counter";
    public const string ReceivedPostal = "received.postal";
    public const string ReceivedDigitized = "received.digitized";
    public const string ReceivedWithFee = "received.with-fee";

    /// <summary>Received, with a document taken from the national population database instead of paper.</summary>
    public const string ReceivedPopulationData = "received.population-data";
    public const string ReceivedPaidOnline = "received.paid-online";
    public const string Finished = "finished";
    public const string FinishedEarly = "finished.early";
    public const string FinishedOnTime = "finished.on-time";
    public const string FinishedLate = "finished.late";
    public const string Returned = "returned";
    public const string ReturnedOnline = "returned.online";
    public const string ReturnedCounter = "returned.counter";
    public const string ReturnedPostal = "returned.postal";

    /// <summary>Returned online, having come in online: handled online from end to end.</summary>
    public const string ReturnedFullOnline = "returned.full-online";

    /// <summary>Returned with its result as an electronic document in the file (kết quả điện tử).</summary>
    public const string ReturnedElectronic = "returned.electronic";

    /// <summary>Returned, having come in online (by any return channel).</summary>
    public const string ReturnedFromOnline = "returned.from-online";

    /// <summary>Returned with an electronic result, having come in online.</summary>
    public const string ReturnedElectronicFromOnline = "returned.electronic.from-online";

    /// <summary>
    /// Left processing for good, on that day: finished (with a result or a refusal to resolve) or, once received,
    /// withdrawn. Received minus closed up to a day is what is still being handled at its end.
    /// </summary>
    public const string Closed = "closed";

    /// <summary>On the day after the due day (Vietnam time): from then on, still open, it is overdue.</summary>
    public const string OverdueFrom = "overdue-from";

    /// <summary>
    /// Cancels <see cref="OverdueFrom"/> once the application is closed, on day max(due day + 1, closed day). An
    /// application closed by its due day adds neither (the two would fall on the same day and cancel out).
    /// </summary>
    public const string OverdueFromClosed = "overdue-from.closed";

    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The day a moment falls on in Vietnam, as the rollups key it: 20261203.</summary>
    public static int Day(Instant at)
    {
        var date = at.InZone(Vietnam).Date;
        return Day(date);
    }

    public static int Day(LocalDate date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    /// <summary>
    /// Everything one application adds to the rollups, as it stands now: nothing before it is received; then its
    /// channel, fee and digitization on the received day, its timeliness on the day it finished, how it was returned on
    /// that day. Applications finished without a result's timeliness (withdrawn, not accepted) count as received only.
    /// Once received, it also counts the day it closed and, when it was (or still is) open past its due day, the day it
    /// became overdue and the day that ended (the handling report's pending and overdue at the end of a period).
    /// </summary>
    public static IReadOnlyList<CountKey> Of(ApplicationFigure application, bool paidOnline)
    {
        ArgumentNullException.ThrowIfNull(application);
        var keys = new List<CountKey>();
        void Add(Instant at, string measure) => keys.Add(new CountKey(application.UnitId, Day(at), application.ProcedureCode, measure));

        if (application.ReceivedAt is not Instant received)
        {
            return keys;
        }

        Add(received, Received);
        Add(received, application.Channel switch
        {
            Channel.OnlineRemote => ReceivedRemote,
            Channel.OnlineAssisted => ReceivedAssisted,
            Channel.Postal => ReceivedPostal,
            _ => ReceivedCounter,
        });
        if (application.InputsDigitized)
        {
            Add(received, ReceivedDigitized);
        }

        if (application.UsedPopulationData)
        {
            Add(received, ReceivedPopulationData);
        }

        if (application.ClosedAt is Instant closed)
        {
            Add(closed, Closed);
        }

        if (application.DueAt is Instant due)
        {
            var overdueFrom = due.InZone(Vietnam).Date.PlusDays(1);
            var closedOn = application.ClosedAt?.InZone(Vietnam).Date;
            if (closedOn is not LocalDate c || c >= overdueFrom)
            {
                keys.Add(new CountKey(application.UnitId, Day(overdueFrom), application.ProcedureCode, OverdueFrom));
                if (closedOn is LocalDate closedDay)
                {
                    keys.Add(new CountKey(application.UnitId, Day(LocalDate.Max(overdueFrom, closedDay)), application.ProcedureCode, OverdueFromClosed));
                }
            }
        }

        if (application.HasFee)
        {
            Add(received, ReceivedWithFee);
            if (paidOnline)
            {
                Add(received, ReceivedPaidOnline);
            }
        }

        if (application is { FinishedAt: Instant finished, Timeliness: Timeliness timeliness })
        {
            Add(finished, Finished);
            Add(finished, timeliness switch
            {
                Timeliness.Early => FinishedEarly,
                Timeliness.OnTime => FinishedOnTime,
                _ => FinishedLate,
            });
        }

        if (application is { ReturnedAt: Instant returned, ReturnChannel: ReturnChannel how })
        {
            Add(returned, Returned);
            Add(returned, how switch
            {
                ReturnChannel.Online => ReturnedOnline,
                ReturnChannel.Postal => ReturnedPostal,
                _ => ReturnedCounter,
            });
            if (how == ReturnChannel.Online && application.IsOnline)
            {
                Add(returned, ReturnedFullOnline);
            }

            if (application.IsOnline)
            {
                Add(returned, ReturnedFromOnline);
            }

            if (application.HasElectronicResult)
            {
                Add(returned, ReturnedElectronic);
                if (application.IsOnline)
                {
                    Add(returned, ReturnedElectronicFromOnline);
                }
            }
        }

        return keys;
    }

    /// <summary>One application's keys written down, to be compared with what it adds next time: "unit|day|procedure|measure" lines.</summary>
    public static string Write(IEnumerable<CountKey> keys) => string.Join('\n', keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));

    public static IReadOnlyList<CountKey> Read(string? written) =>
        string.IsNullOrEmpty(written) ? [] : written.Split('\n').Select(CountKey.Parse).ToList();

    /// <summary>What changes in the counts when an application's keys go from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IReadOnlyList<(CountKey Key, int Delta)> Changes(IReadOnlyList<CountKey> before, IReadOnlyList<CountKey> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var deltas = new Dictionary<CountKey, int>();
        foreach (var k in before)
        {
            deltas[k] = deltas.GetValueOrDefault(k) - 1;
        }

        foreach (var k in after)
        {
            deltas[k] = deltas.GetValueOrDefault(k) + 1;
        }

        // A stable order, so that two workers touching the same rows take their locks in the same order.
        return deltas.Where(d => d.Value != 0).OrderBy(d => d.Key.ToString(), StringComparer.Ordinal).Select(d => (d.Key, d.Value)).ToList();
    }
}

/// <summary>One counter of the rollups: a unit, a day (yyyyMMdd), a procedure and a measure.</summary>
public sealed record CountKey(int UnitId, int Day, string ProcedureCode, string Measure)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UnitId}|{Day}|{ProcedureCode}|{Measure}");

    public static CountKey Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split('|');
        return new CountKey(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3]);
    }
}
