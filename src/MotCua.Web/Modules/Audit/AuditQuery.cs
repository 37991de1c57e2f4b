using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using NodaTime;

namespace MotCua.Web.Modules.Audit;

/// <summary>One entry as the province admin reads it; before and after are the JSON that was recorded.</summary>
public sealed record AuditView(DateTimeOffset At, string Actor, string Action, string Entity, string? Before, string? After);

/// <summary>The audit trail, newest first, by day range (Vietnam time), actor and kind of change: for the API and the page alike.</summary>
public sealed class AuditQuery(MotCuaDbContext db)
{
    public const int MaxEntries = 500;

    public async Task<Result<IReadOnlyList<AuditView>>> RunAsync(DateOnly? from, DateOnly? to, string? actor, string? action, CancellationToken cancellationToken)
    {
        if ((from is { } f && !SensibleDates.Contains(f)) || (to is { } t && !SensibleDates.Contains(t)) || (from > to))
        {
            return Failure.Invalid("Khoảng ngày không hợp lệ.",
                ("from", from is { } a && !SensibleDates.Contains(a) ? SensibleDates.Message : null),
                ("to", to is { } b && !SensibleDates.Contains(b) ? SensibleDates.Message : from > to ? "Ngày kết thúc phải sau ngày bắt đầu." : null));
        }

        if (TextRules.Problem(actor, TextLimits.UserName) is { } actorProblem)
        {
            return Failure.Invalid("Tên người thực hiện không hợp lệ.", ("actor", actorProblem));
        }

        if (TextRules.Problem(action, 60) is { } actionProblem)
        {
            return Failure.Invalid("Loại thay đổi không hợp lệ.", ("action", actionProblem));
        }

        var zone = VietnameseDates.Zone;
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (from is { } start)
        {
            var at = LocalDate.FromDateOnly(start).AtStartOfDayInZone(zone).ToInstant();
            query = query.Where(e => e.At >= at);
        }

        if (to is { } end)
        {
            var before = LocalDate.FromDateOnly(end).PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            query = query.Where(e => e.At < before);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            var name = actor.Trim();
            query = query.Where(e => e.ActorName == name);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            // "catalog" finds catalog.import, catalog.procedure.add, …
            var prefix = action.Trim();
            query = query.Where(e => e.Action == prefix || e.Action.StartsWith(prefix + "."));
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(MaxEntries).ToListAsync(cancellationToken);
        return rows.Select(e => new AuditView(e.At.InZone(zone).ToDateTimeOffset(), e.ActorName, e.Action, e.Entity, e.Before, e.After)).ToList();
    }
}
