using System.Security.Claims;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>A procedure of the figure and how many of its applications the figure counts.</summary>
public sealed record ProcedureCount(string Code, string Name, int Count);

/// <summary>The applications one figure counts, for a unit's sub-tree and a period: by procedure, then a page of them.</summary>
/// <param name="Procedure">The procedure chosen (null: all of them).</param>
public sealed record FigureApplications(
    int UnitId, string UnitName, string From, string To, string Set, string Meaning, string? Procedure,
    IReadOnlyList<ProcedureCount> Procedures, int Total, int Page, int PageCount, IReadOnlyList<ApplicationBehindFigure> Applications);

/// <summary>
/// Opens a figure down to the applications it counts (province → unit → procedure → applications): each countable set
/// of applications is described to the Applications module the way the counters count it (<see cref="Measures.Of"/>).
/// </summary>
public sealed class IndicatorDrillDown(IndicatorReport report, CatalogDirectory catalog, CountedApplications applications)
{
    public const int PageSize = 20;

    private static readonly Channel[] Online = [Channel.OnlineRemote, Channel.OnlineAssisted];

    /// <summary>The sets whose applications can be listed; the others count procedures, payments or what is still open.</summary>
    public static bool Opens(string set) => Describe(set) is not null;

    public async Task<Result<FigureApplications>> OpenAsync(
        ClaimsPrincipal user, int? unitId, string? from, string? to, string? period, string? set, string? procedure, int page, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(set) || Describe(set) is null)
        {
            var known = string.Join(", ", CountableSets.All.Keys.Where(Opens));
            return Failure.Invalid("Chưa chọn được số liệu để xem hồ sơ.", ("set", $"Chọn một trong các tập hồ sơ: {known}."));
        }

        var asked = await report.ChooseAsync(user, unitId, from, to, cancellationToken, period);
        if (asked.Failure is { } failure)
        {
            return failure;
        }

        var (unit, first, last) = asked.Value!;
        var units = (await catalog.TreeOnAsync(last, cancellationToken)).Subtree(unit.Id);
        var filter = Describe(set)!(new CountedFilter(CountedOn.Received, Start(first), Start(last.PlusDays(1)), units));
        if (set.StartsWith("applications.full-online-eligible", StringComparison.Ordinal))
        {
            var handled = await catalog.ProcedureFactsAsync(units, cancellationToken);
            filter = filter with { ProcedureCodes = [.. handled.Where(p => p.OnlineLevel == OnlineLevel.Full).Select(p => p.Code)] };
        }

        var byProcedure = await applications.ByProcedureAsync(filter, 50, cancellationToken);
        var chosen = string.IsNullOrWhiteSpace(procedure) ? null : procedure.Trim();
        var (rows, total) = await applications.PageAsync(filter with { ProcedureCode = chosen }, page, PageSize, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        return new FigureApplications(unit.Id, unit.Name, LocalDatePattern.Iso.Format(first), LocalDatePattern.Iso.Format(last), set, CountableSets.All[set], chosen,
            [.. byProcedure.Select(p => new ProcedureCount(p.Code, p.Name, p.Count))], total, Math.Clamp(page, 1, pageCount), pageCount, rows);
    }

    private static Instant Start(LocalDate day) => day.AtStartOfDayInZone(VietnameseDates.Zone).ToInstant();

    /// <summary>How a set narrows the applications of the units and days; null for a set that is not of applications counted on a day.</summary>
    private static Func<CountedFilter, CountedFilter>? Describe(string set) => set switch
    {
        "applications.received" => f => f,
        "applications.received.online" => f => f with { Channels = Online },
        "applications.received.remote" => f => f with { Channels = [Channel.OnlineRemote] },
        "applications.received.counter" => f => f with { Channels = [Channel.Counter] },
        "applications.received.postal" => f => f with { Channels = [Channel.Postal] },
        "applications.received.digitized" => f => f with { Digitized = true },
        "applications.received.with-fee" => f => f with { WithFee = true },
        "applications.finished" => f => f with { On = CountedOn.Finished },
        "applications.finished.timely" => f => f with { On = CountedOn.Finished, Timeliness = [Timeliness.Early, Timeliness.OnTime] },
        "applications.finished.late" => f => f with { On = CountedOn.Finished, Timeliness = [Timeliness.Late] },
        "applications.returned" => f => f with { On = CountedOn.Returned },
        "applications.returned.postal" => f => f with { On = CountedOn.Returned, ReturnedBy = [ReturnChannel.Postal] },
        "applications.returned.full-online" => f => f with { On = CountedOn.Returned, ReturnedBy = [ReturnChannel.Online], Channels = Online },
        "applications.returned.electronic" => f => f with { On = CountedOn.Returned, ElectronicResult = true },
        "applications.returned.online-submitted" => f => f with { On = CountedOn.Returned, Channels = Online },
        "applications.returned.electronic.online" => f => f with { On = CountedOn.Returned, Channels = Online, ElectronicResult = true },
        "applications.full-online-eligible" => f => f,
        "applications.full-online-eligible.online" => f => f with { Channels = Online },
        _ => null,
    };
}
