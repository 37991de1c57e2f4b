using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Queries;

internal static class QueryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var secured = api.MapGroup(string.Empty).RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        secured.MapGet("/applications/{code}", Get).WithName("GetApplication")
            .WithSummary("Một hồ sơ: trạng thái, thời hạn, bước xử lý, giấy tờ và lịch sử");
        secured.MapGet("/applications", List).WithName("ListApplications")
            .WithSummary("Hồ sơ của tôi (mine=true), hoặc hồ sơ thuộc phạm vi đơn vị của cán bộ");
        secured.MapGet("/inbox", Inbox).WithName("GetInbox")
            .WithSummary("Hồ sơ người gọi cần xử lý ngay, sắp theo hạn; tổng số đếm tới 1.000 (totalIsAtLeast khi nhiều hơn)");
        api.MapGet("/tracking/{code}", Track).WithName("TrackApplication")
            .WithSummary("Tra cứu tiến độ hồ sơ không cần đăng nhập (không có dữ liệu cá nhân); giới hạn số lần tra cứu mỗi phút")
            .RequireRateLimiting(Common.Web.RateLimits.Tracking)
            .AllowAnonymous();
    }

    /// <summary>Loads an application the caller may see; anything else is "not found", so codes reveal nothing.</summary>
    public static async Task<(Caller? Caller, Application? Application)> LoadVisibleAsync(
        MotCuaDbContext db, ApplicationAccess access, ClaimsPrincipal user, string code, bool track, CancellationToken cancellationToken)
    {
        var caller = await access.CallerAsync(user, cancellationToken);
        if (caller is null)
        {
            return (null, null);
        }

        var query = db.Set<Application>().Include(a => a.Events).AsSplitQuery();
        var application = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        return application is not null && caller.CanSee(application) ? (caller, application) : (caller, null);
    }

    public static ProblemHttpResult NotFound(string code) => ApplicationFailures.NotFound(code).ToProblem();

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Get(
        string code, ClaimsPrincipal user, MotCuaDbContext db, ApplicationAccess access, CancellationToken cancellationToken)
    {
        var (caller, application) = await LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        if (application is null)
        {
            return NotFound(code);
        }

        var documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application, documents, caller!.IsOfficer));
    }

    private static async Task<Results<Ok<ApplicationList>, ProblemHttpResult>> List(
        ClaimsPrincipal user, MotCuaDbContext db, ApplicationAccess access, bool? mine, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var caller = await access.CallerAsync(user, cancellationToken);
        if (caller is null)
        {
            return Problems.Unauthorized("Tài khoản không còn tồn tại.");
        }

        ApplicationStatus? wanted = null;
        if (status is not null)
        {
            if (!Common.Text.EnumNames.TryParse<ApplicationStatus>(status, out var parsed))
            {
                return Problems.Validation("Trạng thái không hợp lệ.", ("status", "Trạng thái phải là một trong: " + string.Join(", ", Enum.GetNames<ApplicationStatus>()) + "."));
            }

            wanted = parsed;
        }

        var (pageNumber, size, pageProblem) = Paging(page, pageSize);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        var query = db.Set<Application>().AsNoTracking();
        if (mine == true || caller.IsApplicant)
        {
            query = query.Where(a => a.ApplicantId == caller.User.Id);
        }
        else if (caller.IsAssistant)
        {
            // What the assistant filed for citizens, and nothing else.
            query = query.Where(a => a.CreatedById == caller.User.Id);
        }
        else
        {
            var (path, end) = UnitScope.Range(caller.Actor.UnitPath!);
            // Citizens' drafts are theirs alone; officers see only the drafts an officer keyed in.
            query = query.Where(a => string.Compare(a.UnitPath, path) >= 0 && string.Compare(a.UnitPath, end) < 0
                && (a.Status != ApplicationStatus.Draft || a.CreatedById != null));
        }

        if (wanted is ApplicationStatus s)
        {
            query = query.Where(a => a.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await Summaries(query.OrderByDescending(a => a.Id), pageNumber, size, cancellationToken);
        return TypedResults.Ok(new ApplicationList(items.Select(i => i.Summary).ToList(), total));
    }

    private static async Task<Results<Ok<ApplicationList>, ProblemHttpResult>> Inbox(
        ClaimsPrincipal user, MotCuaDbContext db, ApplicationAccess access, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var caller = await access.CallerAsync(user, cancellationToken);
        if (caller is null)
        {
            return Problems.Unauthorized("Tài khoản không còn tồn tại.");
        }

        var (pageNumber, size, pageProblem) = Paging(page, pageSize);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        // Each part of the inbox is one index range; the parts never overlap (one status or one role each), so the
        // total is a sum of index-only counts and the page a merge of index scans ordered by due date.
        var parts = InboxOf(db.Set<Application>().AsNoTracking(), caller);
        // Counted up to a limit: a page view reads what it shows, not a whole backlog ("1,000 or more" is all anyone acts on).
        var counted = await parts.Select(q => q.Select(a => a.DueAt)).Aggregate((x, y) => x.Concat(y)).Take(InboxCountLimit + 1).CountAsync(cancellationToken);
        var total = Math.Min(counted, InboxCountLimit);
        // Each part gives only its first page * size entries in due-date order (an ordered index scan that stops early),
        // so the page costs what the page needs, not what the whole inbox holds.
        var upTo = pageNumber * size;
        var keys = await parts.Select(q => q.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Select(a => new { a.DueAt, a.Id }).Take(upTo))
            .Aggregate((x, y) => x.Concat(y))
            .OrderBy(k => k.DueAt).ThenBy(k => k.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.Id).ToList();
        var found = (await Project(db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id)), cancellationToken)).ToDictionary(a => a.Id);
        return TypedResults.Ok(new ApplicationList(ids.Where(found.ContainsKey).Select(id => found[id].Summary).ToList(), total, counted > InboxCountLimit));
    }

    /// <summary>The inbox's total is exact up to this many applications; beyond it the answer says "at least".</summary>
    public const int InboxCountLimit = 1000;

    /// <summary>What the caller must act on now, as disjoint parts (see <see cref="Inbox"/>).</summary>
    public static IReadOnlyList<IQueryable<Application>> InboxOf(IQueryable<Application> applications, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsApplicant)
        {
            var id = caller.User.Id;
            return [applications.Where(a => a.ApplicantId == id && (a.Status == ApplicationStatus.Draft
                || a.Status == ApplicationStatus.SupplementRequested || a.Status == ApplicationStatus.AwaitingPayment))];
        }

        if (caller.IsAssistant)
        {
            // The applications the assistant filed that wait on the citizen's side: a draft to send, a supplement asked.
            var id = caller.User.Id;
            return [applications.Where(a => a.CreatedById == id && a.Channel == Channel.OnlineAssisted
                && (a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.SupplementRequested))];
        }

        // The sub-tree as a range of paths (not LIKE 'path%'), so every part is an index range scan on any plan.
        var (path, end) = UnitScope.Range(caller.Actor.UnitPath!);
        var parts = new List<IQueryable<Application>>();
        foreach (var role in caller.Actor.Roles.Order())
        {
            StepRole? current = role;
            parts.Add(applications.Where(a => a.CurrentRole == current && a.Status == ApplicationStatus.InProgress
                && string.Compare(a.CurrentUnitPath, path) >= 0 && string.Compare(a.CurrentUnitPath, end) < 0));
        }

        var statuses = new List<ApplicationStatus>();
        if (caller.Actor.Roles.Contains(StepRole.Reception))
        {
            statuses.AddRange([ApplicationStatus.Submitted, ApplicationStatus.ResultReady, ApplicationStatus.WithdrawalRequested]);
        }

        if (caller.Actor.Roles.Contains(StepRole.Leader))
        {
            statuses.Add(ApplicationStatus.Suspended);
        }

        foreach (var status in statuses)
        {
            parts.Add(applications.Where(a => a.Status == status && string.Compare(a.UnitPath, path) >= 0 && string.Compare(a.UnitPath, end) < 0));
        }

        return parts.Count > 0 ? parts : [applications.Where(_ => false)];
    }

    private static async Task<Results<Ok<TrackingView>, ProblemHttpResult>> Track(string code, MotCuaDbContext db, CatalogDirectory catalog, CancellationToken cancellationToken) =>
        await TrackAsync(db, catalog, code, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound($"Không có hồ sơ mã {code}. Kiểm tra lại mã trên giấy tiếp nhận.");

    private sealed record TrackRow(string Code, string ProcedureName, int UnitId, ApplicationStatus Status, NodaTime.Instant? ReceivedAt, NodaTime.Instant? DueAt, NodaTime.Instant? ApologyNewDueAt);

    // Compiled once: the busiest public read skips building and looking up its LINQ tree on every request. One per
    // provider: a compiled query keeps the first provider's SQL, and the tests run both in one process.
    private static readonly Func<MotCuaDbContext, string, CancellationToken, Task<TrackRow?>> TrackOnPostgres = CompileTrack();
    private static readonly Func<MotCuaDbContext, string, CancellationToken, Task<TrackRow?>> TrackOnSqlite = CompileTrack();

    private static Func<MotCuaDbContext, string, CancellationToken, Task<TrackRow?>> CompileTrack() => EF.CompileAsyncQuery(
        (MotCuaDbContext db, string code, CancellationToken _) => db.Set<Application>().AsNoTracking().Where(a => a.Code == code)
            .Select(a => new TrackRow(a.Code, a.ProcedureName, a.UnitId, a.Status, a.ReceivedAt, a.DueAt, a.ApologyNewDueAt))
            .SingleOrDefault());

    /// <summary>
    /// Public tracking (API and the /tra-cuu page): procedure, unit, status and dates only, nothing personal.
    /// The due date is the new one when the applicant was sent an apology with a new date. Drafts do not exist here.
    /// </summary>
    public static async Task<TrackingView?> TrackAsync(MotCuaDbContext db, CatalogDirectory catalog, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalog);
        var found = await (db.Database.IsNpgsql() ? TrackOnPostgres : TrackOnSqlite)(db, code, cancellationToken);
        return found is null || found.Status == ApplicationStatus.Draft
            ? null
            : new TrackingView(found.Code, found.ProcedureName, (await catalog.UnitAsync(found.UnitId, cancellationToken))?.Name ?? string.Empty, found.Status, found.Status.Vietnamese(),
                VietnamTime.Offset(found.ReceivedAt), VietnamTime.Offset(found.ApologyNewDueAt ?? found.DueAt));
    }

    /// <summary>No one pages further; past it page × size would overflow the offset.</summary>
    public const int MaxPage = 10_000;

    private static (int Page, int Size, ProblemHttpResult? Problem) Paging(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 20;
        return p is < 1 or > MaxPage || s is < 1 or > 100
            ? (p, s, Problems.Validation("Tham số phân trang không hợp lệ.",
                ("page", p is < 1 or > MaxPage ? $"Số trang phải từ 1 đến {MaxPage}." : null),
                ("pageSize", s is < 1 or > 100 ? "Số hồ sơ mỗi trang phải từ 1 đến 100." : null)))
            : (p, s, null);
    }

    private static Task<List<(long Id, ApplicationSummary Summary)>> Summaries(IQueryable<Application> query, int page, int size, CancellationToken cancellationToken) =>
        Project(query.Skip((page - 1) * size).Take(size), cancellationToken);

    private static async Task<List<(long Id, ApplicationSummary Summary)>> Project(IQueryable<Application> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(a => new { a.Id, a.Code, a.ProcedureCode, a.ProcedureName, a.ApplicantName, a.UnitId, a.Channel, a.Status, a.SubmittedAt, a.DueAt, a.ApologyNewDueAt, a.CurrentRole, a.MissingDocuments, a.Timeliness })
            .ToListAsync(cancellationToken);
        return rows.Select(a => (a.Id, new ApplicationSummary(a.Code, a.ProcedureCode, a.ProcedureName, a.ApplicantName, a.UnitId, a.Channel, a.Status,
            a.Status.Vietnamese(), VietnamTime.Offset(a.SubmittedAt), VietnamTime.Offset(a.DueAt), a.CurrentRole, a.MissingDocuments, a.Timeliness))).ToList();
    }
}
