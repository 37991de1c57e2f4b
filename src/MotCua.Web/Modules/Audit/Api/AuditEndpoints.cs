using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using NodaTime;

namespace MotCua.Web.Modules.Audit.Api;

/// <summary>One entry as the province admin reads it; before and after are the JSON that was recorded.</summary>
public sealed record AuditView(DateTimeOffset At, string Actor, string Action, string Entity, string? Before, string? After);

internal static class AuditEndpoints
{
    public const int MaxEntries = 500;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/admin/audit", List).WithName("ListAudit")
            .WithSummary("Nhật ký thay đổi quản trị (mới nhất trước, tối đa 500): from, to (yyyy-MM-dd, giờ Việt Nam), actor (tên đăng nhập)")
            .RequireAuthorization(Common.Web.AccessPolicies.ProvinceAdminApi);

    private static async Task<Results<Ok<IReadOnlyList<AuditView>>, ProblemHttpResult>> List(
        DateOnly? from, DateOnly? to, string? actor, MotCuaDbContext db, CancellationToken cancellationToken)
    {
        if ((from is { } f && !SensibleDates.Contains(f)) || (to is { } t && !SensibleDates.Contains(t)) || (from > to))
        {
            return Problems.Validation("Khoảng ngày không hợp lệ.",
                ("from", from is { } a && !SensibleDates.Contains(a) ? SensibleDates.Message : null),
                ("to", to is { } b && !SensibleDates.Contains(b) ? SensibleDates.Message : from > to ? "Ngày kết thúc phải sau ngày bắt đầu." : null));
        }

        if (TextRules.Problem(actor, TextLimits.UserName) is { } actorProblem)
        {
            return Problems.Validation("Tên người thực hiện không hợp lệ.", ("actor", actorProblem));
        }

        var zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
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

        var rows = await query.OrderByDescending(e => e.Id).Take(MaxEntries).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditView>>(rows.Select(e => new AuditView(e.At.InZone(zone).ToDateTimeOffset(), e.ActorName, e.Action, e.Entity, e.Before, e.After)).ToList());
    }
}
