using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.National.Data;
using NodaTime;

namespace MotCua.Web.Modules.National.Sync;

/// <summary>One application's sync, as the reconciliation shows it.</summary>
public sealed record SyncView(string Code, string State, int WantedSequence, int? SyncedSequence, int Attempts, string? LastError, DateTimeOffset UpdatedAt, DateTimeOffset? SyncedAt);

/// <summary>GET /api/v1/integration/national-sync: how many applications are synced, pending and failed, and a page of those in one state.</summary>
public sealed record SyncReport(int Synced, int Pending, int Failed, string? State, int Page, int PageSize, IReadOnlyList<SyncView> Items);

/// <summary>The reconciliation with the national portal, for the province admin.</summary>
public sealed class NationalSyncReport(MotCuaDbContext db)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyDictionary<string, SyncState> States = new Dictionary<string, SyncState>(StringComparer.Ordinal)
    {
        ["synced"] = SyncState.Synced,
        ["pending"] = SyncState.Pending,
        ["failed"] = SyncState.Failed,
    };

    public async Task<Result<SyncReport>> ReportAsync(ClaimsPrincipal user, string? state, int? page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.ProvinceAdmin))
        {
            return Failure.Forbidden("Chỉ quản trị viên cấp tỉnh xem được việc đồng bộ với Cổng Dịch vụ công quốc gia.");
        }

        SyncState? chosen = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!States.TryGetValue(state.Trim(), out var s))
            {
                return Failure.Invalid("Trạng thái đồng bộ chưa hợp lệ.", ("state", "Chọn một trong: synced, pending, failed."));
            }

            chosen = s;
        }

        if (page is < 1 or > 100_000)
        {
            return Failure.Invalid("Trang chưa hợp lệ.", ("page", "Trang là số từ 1."));
        }

        var counts = await db.Set<NationalSync>().AsNoTracking().GroupBy(s => s.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = db.Set<NationalSync>().AsNoTracking().Where(s => chosen == null || s.State == chosen);
        var number = page ?? 1;
        var items = await rows.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Code).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new SyncReport(counts.GetValueOrDefault(SyncState.Synced), counts.GetValueOrDefault(SyncState.Pending), counts.GetValueOrDefault(SyncState.Failed),
            chosen is null ? null : States.First(s => s.Value == chosen).Key, number, PageSize,
            [.. items.Select(s => new SyncView(s.Code, States.First(x => x.Value == s.State).Key, s.WantedSequence, s.SyncedSequence, s.Attempts, s.LastError,
                s.UpdatedAt.ToDateTimeOffset(), s.SyncedAt?.ToDateTimeOffset()))]);
    }
}
