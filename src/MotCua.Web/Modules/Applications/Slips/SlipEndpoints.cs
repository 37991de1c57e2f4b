using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using MotCua.Web.Modules.Calendar.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Common.Pdf;

namespace MotCua.Web.Modules.Applications.Slips;

/// <summary>Builds the data of a legal slip from an application, its history and its units.</summary>
public sealed class SlipBuilder(MotCuaDbContext db, CatalogDirectory catalog, WorkingCalendarProvider calendars, IClock clock, Microsoft.Extensions.Options.IOptions<Common.Web.PortalOptions> portal)
{
    /// <summary>Which slips exist for the application now, and which the applicant may have (form 06 is internal).</summary>
    public static bool IsAvailable(SlipKind kind, Application application, bool forOfficer)
    {
        ArgumentNullException.ThrowIfNull(application);
        return kind switch
        {
            SlipKind.Receipt => application.ReceivedAt is not null,
            SlipKind.SupplementRequest => application.SupplementCount > 0,
            SlipKind.Refusal => application.Status == ApplicationStatus.NotAccepted,
            SlipKind.Apology => application.ApologyNewDueAt is not null,
            SlipKind.StopNotice => application.Status is ApplicationStatus.Suspended or ApplicationStatus.Rejected,
            SlipKind.ProcessingControl => forOfficer && application.ReceivedAt is not null,
            _ => false,
        };
    }

    public async Task<SlipData> BuildAsync(Application application, string trackingUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var units = await catalog.UnitsAsync(application.Steps.Select(s => s.UnitId).Append(application.UnitId), cancellationToken);
        var unit = units[application.UnitId];
        var parentName = unit.ParentId is int parentId ? (await catalog.UnitAsync(parentId, cancellationToken))?.Name ?? unit.Name : unit.Name;
        var procedure = await catalog.ProcedureAsync(application.ProcedureId, application.ProcedureVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {application.ProcedureId} of application {application.Code} is gone.");
        var files = await db.Set<ApplicationDocument>().AsNoTracking()
            .Where(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Input).Select(d => new { d.Name, d.Digitized }).ToListAsync(cancellationToken);
        var attached = files.Select(f => f.Name).ToList();
        var calendar = await calendars.GetAsync(cancellationToken);
        var events = application.Events.OrderBy(e => e.Sequence).ToList();
        string? ActorOf(string action) => events.LastOrDefault(e => e.Action == action)?.ActorName;

        return new SlipData
        {
            ParentUnitName = parentName,
            UnitName = SlipText.InFull(unit.Name),
            UnitAddress = unit.Address,
            UnitPhone = unit.Phone,
            PlaceName = unit.Place,
            Hotline = portal.Value.Hotline,
            IssuedAt = VietnamTime.Offset(clock.GetCurrentInstant()),
            ApplicationCode = application.Code,
            ApplicantName = application.ApplicantName,
            ApplicantAddress = application.ApplicantAddress,
            ApplicantPhone = application.ApplicantPhone,
            ApplicantEmail = application.ApplicantEmail,
            ProcedureName = application.ProcedureName,
            ProcedureCode = application.ProcedureCode,
            TrackingUrl = trackingUrl,
            // What was received: papers scanned at the desk in the numbers the procedure asks for; an upload is an
            // electronic copy, never an original.
            Documents = procedure.Documents.Where(d => attached.Contains(d.Name, StringComparer.Ordinal))
                .Select(d => files.Any(f => f.Name == d.Name && f.Digitized)
                    ? new ReceivedDocument(d.Name, d.Originals, d.Copies)
                    : new ReceivedDocument(d.Name, 0, files.Count(f => f.Name == d.Name), Electronic: true))
                .Concat(attached.Where(n => !procedure.Documents.Any(d => d.Name == n)).Distinct()
                    .Select(n => new ReceivedDocument(n, 0, files.Count(f => f.Name == n), Electronic: !files.Any(f => f.Name == n && f.Digitized))))
                .ToList(),
            TimeLimit = application.TimeLimit.Describe(),
            ReceivedAt = VietnamTime.Offset(application.ReceivedAt),
            DueAt = VietnamTime.Offset(application.DueAt),
            ResultCollection = application.Channel.IsOnline()
                ? $"Trực tuyến trên Cổng Dịch vụ công, hoặc tại bộ phận một cửa {unit.Name}"
                : $"Tại bộ phận một cửa {unit.Name}" + (procedure.PostalAllowed ? ", hoặc qua bưu chính công ích" : string.Empty),
            ReceivingOfficer = ActorOf("receive"),
            SupplementItems = application.SupplementItems.Select(i => new SupplementItem(i.Field is null ? i.Name : $"Sửa thông tin tờ khai: {i.Name}", i.Reason)).ToList(),
            ContactOfficer = ActorOf("request-supplement"),
            ContactPhone = unit.Phone,
            RefusalReason = application.Status == ApplicationStatus.NotAccepted ? application.Reason : null,
            RefusalLegalBasis = application.Status == ApplicationStatus.NotAccepted ? application.LegalBasis : null,
            OriginalDueAt = VietnamTime.Offset(application.DueAt),
            NewDueAt = VietnamTime.Offset(application.ApologyNewDueAt),
            DelayReason = application.ApologyReason,
            StopReason = application.Status is ApplicationStatus.Suspended or ApplicationStatus.Rejected ? application.Reason : null,
            StopLegalBasis = application.Status is ApplicationStatus.Suspended or ApplicationStatus.Rejected ? application.LegalBasis : null,
            SignerName = ActorOf("apologize") ?? ActorOf("suspend") ?? ActorOf("reject"),
            LeadUnit = unit.Name,
            CoordinatingUnits = application.Steps.Select(s => s.UnitId).Where(id => id != unit.Id).Distinct().Select(id => units[id].Name).ToList(),
            HandOffs = HandOffs(application, events, units, calendar),
        };
    }

    /// <summary>
    /// Form 06: one row per hand-off between steps, with whether it came before, on or after the giving step's due time.
    /// An event records the step the application is at once it is done: "receive" and "forward" name the step handed
    /// to (the giver is the one-stop desk, or the step before), "approve" the last step, which hands the result back.
    /// </summary>
    private static List<HandOff> HandOffs(Application application, List<ApplicationEvent> events, IReadOnlyDictionary<int, UnitCard> units, IWorkingTime calendar)
    {
        var rows = new List<HandOff>();
        var desk = application.Steps.Count > 1 && application.Steps[0].Role == StepRole.Reception ? application.Steps[0] : null;
        foreach (var e in events.Where(e => e.Action is "forward" or "approve" || (e.Action == "receive" && e.ToStatus == ApplicationStatus.InProgress)))
        {
            var at = e.StepIndex ?? 0;
            var (giver, receiver) = e.Action switch
            {
                "receive" => (desk, application.Steps.ElementAtOrDefault(at)),
                "forward" => (application.Steps.ElementAtOrDefault(at - 1), application.Steps.ElementAtOrDefault(at)),
                _ => (application.Steps.ElementAtOrDefault(at), null),
            };
            var due = giver?.DueAt;
            var result = due is Instant d ? calendar.Classify(e.At, d) switch
            {
                Timeliness.Early => "Trước hạn",
                Timeliness.OnTime => "Đúng hạn",
                _ => "Quá hạn",
            } : null;
            rows.Add(new HandOff(
                giver is null || giver == desk ? $"Bộ phận một cửa, {units[giver?.UnitId ?? application.UnitId].Name}" : units[giver.UnitId].Name,
                e.ActorName,
                receiver is null ? $"Bộ phận một cửa, {units[application.UnitId].Name} (trả kết quả)" : units[receiver.UnitId].Name,
                receiver is null ? "Trả kết quả" : receiver.CompletedBy is { } by ? $"{by} ({receiver.Name})" : receiver.Name,
                VietnamTime.Offset(e.At),
                VietnamTime.Offset(due),
                result,
                e.Note));
        }

        return rows;
    }

    /// <summary>The PDF of a slip, with the QR code pointing at the public tracking page of this site.</summary>
    public async Task<byte[]> RenderAsync(SlipKind kind, Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var trackingUrl = portal.Value.Url($"/tra-cuu?code={Uri.EscapeDataString(application.Code)}");
        return SlipRenderer.Render(kind, await BuildAsync(application, trackingUrl, cancellationToken));
    }

    public static string FileName(SlipKind kind, Application application) => $"{application.Code}-mau-{kind.FormNumber()}.pdf";

    /// <summary>Form 07: the applications of a unit's sub-tree received between two dates (Vietnam days), in order.</summary>
    public async Task<(string ParentName, IReadOnlyList<TrackingBookRow> Rows)> TrackingBookAsync(UnitCard unit, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var zone = ApplicationAccess.Vietnam;
        var start = new LocalDate(from.Year, from.Month, from.Day).AtStartOfDayInZone(zone).ToInstant();
        var end = new LocalDate(to.Year, to.Month, to.Day).PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var (path, pathEnd) = UnitScope.Range(unit.Path);
        var rows = await db.Set<Application>().AsNoTracking()
            .Where(a => string.Compare(a.UnitPath, path) >= 0 && string.Compare(a.UnitPath, pathEnd) < 0 && a.ReceivedAt >= start && a.ReceivedAt < end)
            .OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Code, a.ProcedureName, a.ApplicantName, a.ApplicantPhone, a.ReceivedAt, a.DueAt, a.ApologyNewDueAt, a.FinishedAt, a.ReturnedAt, a.Steps, a.Reason })
            .ToListAsync(cancellationToken);
        var parent = unit.ParentId is int p ? (await catalog.UnitAsync(p, cancellationToken))?.Name ?? unit.Name : unit.Name;
        return (parent, rows.Select((a, i) => new TrackingBookRow(i + 1, a.Code, a.ProcedureName, 1, a.ApplicantName, a.ApplicantPhone, unit.Name,
            VietnamTime.Offset(a.ReceivedAt!.Value), VietnamTime.Offset(a.ApologyNewDueAt ?? a.DueAt!.Value),
            VietnamTime.Offset(a.Steps.FirstOrDefault(s => s.Role == StepRole.Reception)?.CompletedAt), VietnamTime.Offset(a.FinishedAt),
            VietnamTime.Offset(a.ReturnedAt), a.Reason)).ToList());
    }
}

internal static class SlipEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var secured = api.MapGroup(string.Empty).RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        secured.MapGet("/applications/{code}/slips/{kind}", Slip).WithName("GetSlip")
            .WithSummary("Phiếu của hồ sơ (PDF): receipt (01), supplement-request (02), refusal (03), apology (04), stop-notice (05), processing-control (06)");
        secured.MapGet("/units/{unitId:int}/tracking-book", Book).WithName("GetTrackingBook")
            .WithSummary("Sổ theo dõi hồ sơ (mẫu 07) của đơn vị theo khoảng ngày tiếp nhận: format=pdf hoặc xlsx");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RenderAsync(
        HttpContext http, string code, string kind, MotCuaDbContext db, ApplicationAccess access, SlipBuilder slips, CancellationToken cancellationToken)
    {
        if (!SlipKinds.TryParseSlug(kind, out var slipKind))
        {
            return Problems.NotFound($"Không có loại phiếu “{kind}”. Các loại: {string.Join(", ", SlipKinds.All.Select(k => k.ToSlug()))}.");
        }

        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, http.User, code, track: false, cancellationToken);
        if (application is null)
        {
            return QueryEndpoints.NotFound(code);
        }

        if (!SlipBuilder.IsAvailable(slipKind, application, caller!.IsOfficer))
        {
            return Problems.Conflict($"Hồ sơ {code} chưa có phiếu mẫu {slipKind.FormNumber()} ở trạng thái hiện tại.");
        }

        var pdf = await slips.RenderAsync(slipKind, application, cancellationToken);
        return TypedResults.File(pdf, "application/pdf", SlipBuilder.FileName(slipKind, application));
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> Slip(
        HttpContext http, string code, string kind, MotCuaDbContext db, ApplicationAccess access, SlipBuilder slips, CancellationToken cancellationToken) =>
        RenderAsync(http, code, kind, db, access, slips, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Book(
        int unitId, DateOnly? from, DateOnly? to, string? format, ClaimsPrincipal user, CatalogDirectory catalog, ApplicationAccess access, SlipBuilder slips, CancellationToken cancellationToken)
    {
        var caller = await access.CallerAsync(user, cancellationToken);
        var unit = await catalog.UnitAsync(unitId, cancellationToken);
        if (caller is null || !caller.IsOfficer || unit is null || !caller.Actor.Covers(unit.Path))
        {
            return Problems.NotFound("Không có đơn vị này trong phạm vi của bạn.");
        }

        var fromOutside = from is { } f && !SensibleDates.Contains(f);
        var toOutside = to is { } t && !SensibleDates.Contains(t);
        if (from is null || to is null || fromOutside || toOutside || to < from || to.Value.DayNumber - from.Value.DayNumber > 366 || format is not (null or "pdf" or "xlsx"))
        {
            return Problems.Validation("Chọn khoảng ngày và định dạng.",
                ("from", from is null ? "Nhập ngày bắt đầu (yyyy-MM-dd)." : fromOutside ? SensibleDates.Message : null),
                ("to", to is null ? "Nhập ngày kết thúc (yyyy-MM-dd)." : toOutside ? SensibleDates.Message
                    : !fromOutside && (to < from || to.Value.DayNumber - from!.Value.DayNumber > 366) ? "Ngày kết thúc phải sau ngày bắt đầu, trong vòng một năm." : null),
                ("format", format is not (null or "pdf" or "xlsx") ? "Định dạng là pdf hoặc xlsx." : null));
        }

        var book = await slips.TrackingBookAsync(unit, from.Value, to.Value, cancellationToken);
        return format == "xlsx"
            ? TypedResults.File(TrackingBookRenderer.RenderExcel(unit.Name, book.ParentName, from.Value, to.Value, book.Rows),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.xlsx")
            : TypedResults.File(TrackingBookRenderer.RenderPdf(unit.Name, book.ParentName, from.Value, to.Value, book.Rows),
                "application/pdf", $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.pdf");
    }
}
