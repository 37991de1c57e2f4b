using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Calendar.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>Which day of an application puts it in a period: the day it was received, finished, or returned.</summary>
public enum CountedOn
{
    Received,
    Finished,
    Returned,
}

/// <summary>
/// The applications behind one figure of the statistics, described as the counters count them (see the indicators'
/// measures): counted on a day between <see cref="From"/> and <see cref="Until"/>, of these units, and narrowed by
/// channel, timeliness, return channel, fee, digitized inputs or electronic result. Null narrows nothing.
/// </summary>
public sealed record CountedFilter(
    CountedOn On,
    Instant From,
    Instant Until,
    IReadOnlyCollection<int> UnitIds,
    IReadOnlyCollection<Channel>? Channels = null,
    IReadOnlyCollection<Timeliness>? Timeliness = null,
    IReadOnlyCollection<ReturnChannel>? ReturnedBy = null,
    bool? WithFee = null,
    bool? Digitized = null,
    bool? ElectronicResult = null,
    string? ProcedureCode = null,
    IReadOnlyCollection<string>? ProcedureCodes = null);

/// <summary>One application as a list of counted applications shows it.</summary>
public sealed record ApplicationBehindFigure(
    string Code, string ProcedureCode, string ProcedureName, int UnitId, Channel Channel, ApplicationStatus Status,
    Instant? ReceivedAt, Instant? DueAt, Instant? FinishedAt, Instant? ReturnedAt);

/// <summary>Lists the applications a figure counts, a page at a time, newest first, so that every figure opens down to them.</summary>
public sealed class CountedApplications(MotCuaDbContext db)
{
    public async Task<(IReadOnlyList<ApplicationBehindFigure> Rows, int Total)> PageAsync(CountedFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Query(filter);
        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.On switch
        {
            CountedOn.Finished => query.OrderByDescending(a => a.FinishedAt),
            CountedOn.Returned => query.OrderByDescending(a => a.ReturnedAt),
            _ => query.OrderByDescending(a => a.ReceivedAt),
        };
        var rows = await ordered.ThenByDescending(a => a.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .Select(a => new ApplicationBehindFigure(a.Code, a.ProcedureCode, a.ProcedureName, a.UnitId, a.Channel, a.Status, a.ReceivedAt, a.DueAt, a.FinishedAt, a.ReturnedAt))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>How many of them each procedure has, the most first.</summary>
    public async Task<IReadOnlyList<(string Code, string Name, int Count)>> ByProcedureAsync(CountedFilter filter, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await Query(filter).GroupBy(a => a.ProcedureCode).Select(g => new { Code = g.Key, Name = g.Max(a => a.ProcedureName), Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Code).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Code, r.Name ?? r.Code, r.Count))];
    }

    private IQueryable<Application> Query(CountedFilter f)
    {
        var units = f.UnitIds.ToList();
        var query = db.Set<Application>().AsNoTracking().Where(a => units.Contains(a.UnitId) && a.ReceivedAt != null);
        query = f.On switch
        {
            CountedOn.Finished => query.Where(a => a.Timeliness != null && a.FinishedAt >= f.From && a.FinishedAt < f.Until),
            CountedOn.Returned => query.Where(a => a.ReturnMethod != null && a.ReturnedAt >= f.From && a.ReturnedAt < f.Until),
            _ => query.Where(a => a.ReceivedAt >= f.From && a.ReceivedAt < f.Until),
        };
        if (f.Channels is { } channels)
        {
            var list = channels.ToList();
            query = query.Where(a => list.Contains(a.Channel));
        }

        if (f.Timeliness is { } timeliness)
        {
            var list = timeliness.Select(t => (Timeliness?)t).ToList();
            query = query.Where(a => list.Contains(a.Timeliness));
        }

        if (f.ReturnedBy is { } returnedBy)
        {
            var list = returnedBy.Select(r => (ReturnMethod?)(r switch
            {
                ReturnChannel.Online => ReturnMethod.Online,
                ReturnChannel.Postal => ReturnMethod.Post,
                _ => ReturnMethod.Desk,
            })).ToList();
            query = query.Where(a => list.Contains(a.ReturnMethod));
        }

        if (f.WithFee is bool withFee)
        {
            query = withFee ? query.Where(a => a.AmountDue > 0) : query.Where(a => a.AmountDue <= 0);
        }

        // As the counters have it: online inputs are electronic; a desk or postal application's are when every one was scanned.
        var documents = db.Set<ApplicationDocument>();
        if (f.Digitized is true)
        {
            query = query.Where(a => a.Channel == Channel.OnlineRemote || a.Channel == Channel.OnlineAssisted
                || (documents.Any(d => d.ApplicationId == a.Id && d.Kind == DocumentKind.Input)
                    && !documents.Any(d => d.ApplicationId == a.Id && d.Kind == DocumentKind.Input && !d.Digitized)));
        }

        if (f.ElectronicResult is true)
        {
            query = query.Where(a => documents.Any(d => d.ApplicationId == a.Id && d.Kind == DocumentKind.Result));
        }

        if (f.ProcedureCode is { } code)
        {
            query = query.Where(a => a.ProcedureCode == code);
        }

        if (f.ProcedureCodes is { } codes)
        {
            var list = codes.ToList();
            query = query.Where(a => list.Contains(a.ProcedureCode));
        }

        return query;
    }
}
