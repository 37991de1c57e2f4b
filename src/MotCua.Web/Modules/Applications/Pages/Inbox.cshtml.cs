using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// The officer's inbox (what they must act on now, most urgent first), or with scope=all every application of the
/// unit's sub-tree, newest first; both filtered by status, channel, procedure, current step and free text.
/// </summary>
public sealed class InboxModel(MotCuaDbContext db, ApplicationAccess access, CatalogDirectory catalog, Calendar.Public.WorkingCalendarProvider calendars, Slips.SlipBuilder slips, IClock clock) : OfficerPageModel(access)
{
    public const string AllScope = "all";
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public StepRole? Step { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    private sealed record Line(long Id, string Code, string ProcedureName, string ApplicantName, ApplicationStatus Status, Channel Channel,
        List<ApplicationStep> Steps, int? CurrentStep, Instant? DueAt, Instant? ApologyNewDueAt, Calendar.Public.Timeliness? Timeliness, bool MissingDocuments, bool AwaitsFee);

    public sealed record Row(
        string Code,
        string ProcedureName,
        string ApplicantName,
        ApplicationStatus Status,
        Channel Channel,
        string? StepName,
        Instant? DueAt,
        Instant? NewDueAt,
        TimeLeft TimeLeft,
        bool MissingDocuments,
        bool AwaitsFee = false);

    public bool ShowsAll => Scope == AllScope;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>More than <see cref="Total"/> (the count stops at QueryEndpoints.InboxCountLimit).</summary>
    public bool TotalIsAtLeast { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Procedures { get; private set; } = [];
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => Status is not null || Channel is not null || !string.IsNullOrEmpty(Procedure) || Step is not null || !string.IsNullOrEmpty(Q);

    /// <summary>The tracking book (form 07) of the officer's unit for a range of days, as PDF or Excel.</summary>
    public async Task<IActionResult> OnGetBookAsync(DateOnly? from, DateOnly? to, string? format, CancellationToken cancellationToken)
    {
        var unit = Caller.User.UnitId is int unitId ? await catalog.UnitAsync(unitId, cancellationToken) : null;
        if (unit is null || from is null || to is null || !Common.Text.SensibleDates.Contains(from.Value) || !Common.Text.SensibleDates.Contains(to.Value)
            || to < from || to.Value.DayNumber - from.Value.DayNumber > 366)
        {
            BookError = "Chọn ngày bắt đầu và ngày kết thúc (trong vòng một năm, từ năm 2000 đến 2100) để tải sổ theo dõi.";
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var (parent, rows) = await slips.TrackingBookAsync(unit, from.Value, to.Value, cancellationToken);
        var name = $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}";
        return format == "xlsx"
            ? File(Slips.TrackingBookRenderer.RenderExcel(unit.Name, parent, from.Value, to.Value, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(Slips.TrackingBookRenderer.RenderPdf(unit.Name, parent, from.Value, to.Value, rows), "application/pdf", name + ".pdf");
    }

    public string? BookError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Wrong values in the address bar are ignored rather than shown as an error page.
        ModelState.Clear();
        Scope = Scope == AllScope ? AllScope : null;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var q = Q?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        Q = string.IsNullOrEmpty(q) ? null : q.Length > 100 ? q[..100] : q;

        var path = Caller.Actor.UnitPath!;
        var applications = db.Set<Application>().AsNoTracking();
        // The inbox comes as disjoint parts, each one index range (see QueryEndpoints.InboxOf); filters apply to each.
        IReadOnlyList<IQueryable<Application>> parts = ShowsAll
            ? [applications.Where(a => a.UnitPath.StartsWith(path) && (a.Status != ApplicationStatus.Draft || a.CreatedById != null))]
            : QueryEndpoints.InboxOf(applications, Caller);
        parts = parts.Select(Filter).ToList();

        // Counted up to a limit, as the API does: a unit with millions of applications is not counted on every view.
        var counted = await parts.Select(q => q.Select(a => a.Id)).Aggregate((x, y) => x.Concat(y))
            .Take(QueryEndpoints.InboxCountLimit + 1).CountAsync(cancellationToken);
        Total = Math.Min(counted, QueryEndpoints.InboxCountLimit);
        TotalIsAtLeast = counted > QueryEndpoints.InboxCountLimit;

        var skip = (PageNumber - 1) * PageSize;
        List<long> ids;
        if (ShowsAll)
        {
            ids = await parts[0].OrderByDescending(a => a.Id).Skip(skip).Take(PageSize).Select(a => a.Id).ToListAsync(cancellationToken);
        }
        else
        {
            // Only (due, id) keys cross the union: entities with JSON columns cannot be combined by the database query.
            var keys = await parts.Select(q => q.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Select(a => new { a.DueAt, a.Id }).Take(skip + PageSize))
                .Aggregate((x, y) => x.Concat(y))
                .OrderBy(k => k.DueAt).ThenBy(k => k.Id).Skip(skip).Take(PageSize)
                .ToListAsync(cancellationToken);
            ids = keys.Select(k => k.Id).ToList();
        }

        // Only the columns a row shows: the form's answers and the other JSON columns stay in the database.
        var loaded = await applications.Where(a => ids.Contains(a.Id))
            .Select(a => new Line(a.Id, a.Code, a.ProcedureName, a.ApplicantName, a.Status, a.Channel, a.Steps, a.CurrentStep,
                a.DueAt, a.ApologyNewDueAt, a.Timeliness, a.MissingDocuments,
                a.Status == ApplicationStatus.Submitted && a.FeesDueAtSubmission && a.AmountDue > 0 && a.FeePaidAt == null))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var page = ids.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var now = clock.GetCurrentInstant();
        var time = await calendars.GetAsync(cancellationToken);
        Rows = page.Select(a => new Row(a.Code, a.ProcedureName, a.ApplicantName, a.Status, a.Channel,
            ApplicationLabels.StepName(a.Status, a.Steps, a.CurrentStep),
            a.DueAt, a.ApologyNewDueAt, TimeLeft.Of(a.Status, a.DueAt, a.ApologyNewDueAt, a.Timeliness, time, now), a.MissingDocuments, a.AwaitsFee)).ToList();

        // The filter offers the procedures the unit and those below it handle, from the catalog's copy in memory: the
        // distinct procedures of the unit's applications cost a scan of all of them (seconds at millions) on every view.
        var handled = await catalog.ProceduresHandledInAsync(path, cancellationToken);
        Procedures = Procedure is { Length: > 0 } chosen && handled.All(p => p.Code != chosen)
            // A procedure no longer handled here, asked for by its code (a link, an older application): still offered.
            ? [(chosen, Rows.FirstOrDefault()?.ProcedureName ?? chosen), .. handled]
            : handled;
    }

    // The options of a sub-tree's procedure list, written once per list (a new list comes with each catalog copy) and
    // language: a commune handles hundreds of procedures, and an option tag helper each cost most of the page.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<(string Code, string Name)>, System.Collections.Concurrent.ConcurrentDictionary<string, string>> OptionsHtml = new();

    /// <summary>The procedure filter's options, the chosen one selected.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent ProcedureOptions()
    {
        var encoder = HttpContext.RequestServices.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>();
        var lang = Common.Localization.Texts.ViLang;
        string Option(string code, string name) =>
            $"<option value=\"{encoder.Encode(code)}\"{(lang is null ? string.Empty : $" lang=\"{lang}\"")}>{encoder.Encode(name)}</option>";

        var list = Procedures;
        var html = OptionsHtml.GetOrCreateValue(list).GetOrAdd(lang ?? string.Empty, _ => string.Concat(list.Select(p => Option(p.Code, p.Name))));
        if (Procedure is { Length: > 0 } chosen)
        {
            var start = $"<option value=\"{encoder.Encode(chosen)}\"";
            var at = html.IndexOf(start + (lang is null ? ">" : " lang="), StringComparison.Ordinal);
            html = at < 0 ? html : string.Concat(html.AsSpan(0, at + start.Length), " selected", html.AsSpan(at + start.Length));
        }

        return new Microsoft.AspNetCore.Html.HtmlString(html);
    }

    public string PageLink(int page) => Link(Scope, page);

    private IQueryable<Application> Filter(IQueryable<Application> query)
    {
        if (Status is ApplicationStatus status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Channel is Channel channel)
        {
            query = query.Where(a => a.Channel == channel);
        }

        if (!string.IsNullOrEmpty(Procedure))
        {
            query = query.Where(a => a.ProcedureCode == Procedure);
        }

        if (Step is StepRole step)
        {
            query = query.Where(a => a.CurrentRole == step);
        }

        if (Q is string text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(a => a.Code.Contains(text) || a.ApplicantName.Contains(text)
                || a.Code.ToLower().Contains(lower) || a.ApplicantName.ToLower().Contains(lower));
        }

        return query;
    }

    public string ScopeLink(string? scope) => Link(scope, 1, filters: false);

    private string Link(string? scope, int page, bool filters = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["scope"] = scope,
            ["status"] = filters ? Status?.ToString() : null,
            ["channel"] = filters ? Channel?.ToString() : null,
            ["procedure"] = filters ? Procedure : null,
            ["step"] = filters ? Step?.ToString() : null,
            ["q"] = filters ? Q : null,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/can-bo/ho-so", query.Where(kv => !string.IsNullOrEmpty(kv.Value))!);
    }
}
