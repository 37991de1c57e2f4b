using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;
using MotCua.Web.Modules.Payments.Public;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>One indicator of a unit's sub-tree over a period; value in percent (two decimals), null when nothing is counted under it.</summary>
/// <param name="Target">The target that applies (a rate in percent, or a count compared with the numerator); null when none is set.</param>
/// <param name="Level">green, yellow, orange or red against the target; null without one.</param>
public sealed record IndicatorValue(string Id, string Name, string Variant, long Numerator, long Denominator, decimal? Value, decimal? Target, string? Level,
    TargetKind? TargetKind = null);

/// <summary>One reporting month of a trend: its days and the indicators over them.</summary>
public sealed record TrendPoint(int Year, int Month, string From, string To, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>The unit (its sub-tree) and the days, first to last inclusive, a report covers.</summary>
public sealed record ReportChoice(UnitCard Unit, LocalDate From, LocalDate To);

/// <summary>The indicators of a unit and its sub-tree for a period, as GET /api/v1/indicators gives them.</summary>
public sealed record IndicatorSheet(int UnitId, string UnitName, string From, string To, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>
/// Computes the indicators from the rollups (never from the applications): sums of the counters over the unit's
/// sub-tree and the period's days, and the catalog's procedures of those units.
/// </summary>
public sealed class IndicatorReport(
    MotCuaDbContext db, ApplicationPayments applications, CatalogDirectory catalog, PaymentFigures payments, IndicatorTargets targets, FigureCache figures,
    IOptions<IndicatorOptions> options, IClock clock)
{
    /// <summary>When the oldest sums this request showed were computed (<see cref="FigureCache"/>); null before any.</summary>
    public Instant? FiguresAt { get; private set; }

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> compute)
        where T : class
    {
        var (value, at) = await figures.GetAsync(key, compute);
        FiguresAt = FiguresAt is Instant before && before < at ? before : at;
        return value;
    }

    private static string Key(string kind, IEnumerable<int> units, LocalDate from, LocalDate to, string more = "") =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}|{Measures.Day(from)}|{Measures.Day(to)}|{more}|{string.Join(',', units)}");

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    private static readonly string[] OpenMeasures = [Measures.Received, Measures.Closed, Measures.OverdueFrom, Measures.OverdueFromClosed];

    private static readonly string[] ByProcedure =
        [Measures.Received, Measures.ReceivedRemote, Measures.ReceivedAssisted, Measures.ReceivedPaidOnline, Measures.ReceivedPostal, Measures.ReturnedPostal];

    /// <summary>The sub-tree the caller may see: an officer's own, the whole province for its admin; null for anyone else.</summary>
    public async Task<string?> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.ProvinceAdmin) && await catalog.RootAsync(cancellationToken) is { } root)
        {
            return root.Path;
        }

        return await applications.OfficerScopeAsync(user, cancellationToken);
    }

    public async Task<Result<IndicatorSheet>> SheetAsync(ClaimsPrincipal user, int? unitId, string? from, string? to, CancellationToken cancellationToken, string? period = null)
    {
        var chosen = await ChooseAsync(user, unitId, from, to, cancellationToken, period);
        if (chosen.Failure is { } failure)
        {
            return failure;
        }

        var (unit, first, last) = chosen.Value!;
        var indicators = await ComputeAsync(unit, first, last, cancellationToken);
        return new IndicatorSheet(unit.Id, unit.Name, IsoDate.Format(first), IsoDate.Format(last), indicators);
    }

    /// <summary>
    /// The unit and days a report asks for, checked: within the caller's scope (the first unit of it by default), from
    /// and to as yyyy-MM-dd (by default the start of this month to today) or a named period by the cut-off day.
    /// </summary>
    public async Task<Result<ReportChoice>> ChooseAsync(ClaimsPrincipal user, int? unitId, string? from, string? to, CancellationToken cancellationToken, string? period = null)
    {
        var scope = await ScopeAsync(user, cancellationToken);
        if (scope is null)
        {
            return Failure.Forbidden("Chỉ cán bộ và quản trị viên xem được các chỉ số.");
        }

        var unit = unitId is int id ? await catalog.UnitAsync(id, cancellationToken) : (await catalog.SubtreeAsync(scope, cancellationToken)).OrderBy(u => u.Path.Length).FirstOrDefault();
        if (unit is null || !unit.IsWithin(scope))
        {
            return Failure.NotFound("Không có đơn vị này trong phạm vi của bạn.");
        }

        if (!string.IsNullOrWhiteSpace(period))
        {
            if (ReportPeriods.Parse(period, options.Value.CutOffDay) is not { } named)
            {
                return Failure.Invalid("Kỳ báo cáo chưa hợp lệ.", ("period", $"Kỳ báo cáo viết theo dạng {ReportPeriods.Format}, ví dụ 2026-11, 2026-Q4, 2026."));
            }

            (from, to) = (IsoDate.Format(named.From), IsoDate.Format(named.To));
        }

        var today = clock.GetCurrentInstant().InZone(VietnameseDates.Zone).Date;
        var (first, firstError) = Date(from, today.With(DateAdjusters.StartOfMonth));
        var (last, lastError) = Date(to, today);
        if (firstError is not null || lastError is not null)
        {
            return Failure.Invalid("Khoảng thời gian chưa hợp lệ.", ("from", firstError), ("to", lastError));
        }

        if (last < first)
        {
            return Failure.Invalid("Khoảng thời gian chưa hợp lệ.", ("to", "Ngày cuối kỳ (to) không được trước ngày đầu kỳ (from)."));
        }

        return new ReportChoice(unit, first, last);
    }

    private static (LocalDate Date, string? Error) Date(string? text, LocalDate otherwise)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (otherwise, null);
        }

        var parsed = IsoDate.Parse(text.Trim());
        return !parsed.Success ? (otherwise, "Ngày viết theo dạng yyyy-MM-dd, ví dụ 2026-12-01.")
            : !SensibleDates.Contains(parsed.Value) ? (otherwise, SensibleDates.Message)
            : (parsed.Value, null);
    }

    /// <summary>The units directly below <paramref name="unit"/>, each with its indicators for the period, and their ranking.</summary>
    public async Task<(IReadOnlyList<(UnitCard Unit, IReadOnlyList<IndicatorValue> Values)> Below, IReadOnlyList<RankedUnit> Ranking)> BelowAsync(
        UnitCard unit, LocalDate from, LocalDate to, CancellationToken cancellationToken, IReadOnlyCollection<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var children = await ChildrenAsync(unit, from, to, cancellationToken);
        var applying = await targets.ApplyingAsync([.. children.Select(c => (c, to))], cancellationToken);

        // The indicators asked for and every one a target of a unit below is set on (the ranking weighs those).
        IReadOnlyCollection<string>? wanted = only is null ? null : [.. only.Union(applying.SelectMany(a => a.Keys), StringComparer.Ordinal)];
        var sets = await SetsBelowAsync(children, from, to, cancellationToken, NeedsProcedures(wanted));
        var below = new List<(UnitCard Unit, IReadOnlyList<IndicatorValue> Values)>();
        for (var i = 0; i < children.Count; i++)
        {
            below.Add((children[i], Values(sets[i], applying[i], wanted)));
        }

        var ranking = Ranking.Of(below.Select(b => (b.Unit.Id, b.Unit.Name,
            (IReadOnlyList<(TargetKind, decimal, long, decimal?)>)b.Values.Where(v => v.Target is not null && v.Level is not null)
                .Select(v => (v.TargetKind!.Value, v.Target!.Value, v.Numerator, v.Value)).ToList())), options.Value.MissedTargetDeduction);
        return (below, ranking);
    }

    /// <summary>
    /// The countable sets of each of <paramref name="children"/>, each over its own sub-tree as it stood on the period's
    /// last day: the same figures as <see cref="SetsAsync"/> per child, read for all of them at once (the counters
    /// grouped by unit, then added up per child's sub-tree).
    /// </summary>
    /// <param name="perProcedure">False: the per-procedure counters are not read, and the sets of procedures with an application are 0.</param>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> SetsBelowAsync(
        IReadOnlyList<UnitCard> children, LocalDate from, LocalDate to, CancellationToken cancellationToken, bool perProcedure = true)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count == 0)
        {
            return [];
        }

        return await CachedAsync(Key("below", children.Select(c => c.Id), from, to, perProcedure ? "procedures" : string.Empty),
            () => ComputeBelowAsync(children, from, to, perProcedure, cancellationToken));
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> ComputeBelowAsync(
        IReadOnlyList<UnitCard> children, LocalDate from, LocalDate to, bool perProcedure, CancellationToken cancellationToken)
    {
        var tree = await catalog.TreeOnAsync(to, cancellationToken);
        var childOf = new Dictionary<int, int>();
        var unitsOf = new List<int>[children.Count];
        for (var i = 0; i < children.Count; i++)
        {
            unitsOf[i] = [.. tree.Subtree(children[i].Id)];
            foreach (var id in unitsOf[i])
            {
                childOf[id] = i;
            }
        }

        var units = childOf.Keys.ToList();
        var cutOff = options.Value.CutOffDay;
        var sums = await db.CounterRows(units, Grains.Cover(from, to, cutOff, byProcedure: false))
            .GroupBy(c => new { c.UnitId, c.Measure }).Select(g => new { g.Key.UnitId, g.Key.Measure, Sum = g.Sum(c => c.Count) }).ToListAsync(cancellationToken);
        var procedures = !perProcedure ? null : await db.CounterRows(units, Grains.Cover(from, to, cutOff, byProcedure: true)).Where(c => ByProcedure.Contains(c.Measure))
            .GroupBy(c => new { c.UnitId, c.ProcedureCode })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.ProcedureCode,
                Received = g.Sum(c => c.Measure == Measures.Received ? c.Count : 0),
                Online = g.Sum(c => ProcedureCounts.OnlineMeasures.Contains(c.Measure) ? c.Count : 0),
                PaidOnline = g.Sum(c => c.Measure == Measures.ReceivedPaidOnline ? c.Count : 0),
                Postal = g.Sum(c => ProcedureCounts.PostalMeasures.Contains(c.Measure) ? c.Count : 0),
            }).ToListAsync(cancellationToken);
        var open = await db.CounterRows(units, Grains.Cover(null, to, cutOff, byProcedure: false)).Where(c => OpenMeasures.Contains(c.Measure))
            .GroupBy(c => new { c.UnitId, c.Measure }).Select(g => new { g.Key.UnitId, g.Key.Measure, Sum = g.Sum(c => c.Count) }).ToListAsync(cancellationToken);
        var handled = await catalog.ProcedureFactsAsync(units, cancellationToken);
        var collecting = await payments.CollectingOnlineAsync(units, cancellationToken);

        var counted = Enumerable.Range(0, children.Count).Select(_ => new Counted()).ToArray();
        foreach (var s in sums)
        {
            counted[childOf[s.UnitId]].Add(s.Measure, s.Sum);
        }

        foreach (var o in open)
        {
            counted[childOf[o.UnitId]].AddOpen(o.Measure, o.Sum);
        }

        foreach (var p in procedures ?? [])
        {
            counted[childOf[p.UnitId]].AddProcedure(p.ProcedureCode, new ProcedureCounts(p.Received, p.Online, p.PaidOnline, p.Postal));
        }

        // Each procedure goes to the children whose sub-tree handles it: one pass over the procedures' units.
        var proceduresOf = Enumerable.Range(0, children.Count).Select(_ => new List<ProcedureFacts>()).ToArray();
        foreach (var p in handled)
        {
            foreach (var child in p.UnitIds.Where(childOf.ContainsKey).Select(u => childOf[u]).Distinct())
            {
                proceduresOf[child].Add(p);
            }
        }

        var collectingOf = collecting.Where(childOf.ContainsKey).GroupBy(u => childOf[u]).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.ToHashSet());
        return [.. Enumerable.Range(0, children.Count).Select(i => Sets(counted[i], proceduresOf[i], collectingOf.GetValueOrDefault(i) ?? new HashSet<int>()))];
    }

    /// <summary>The units directly below <paramref name="unit"/> as the tree stood on the period's last day, but those ended before it began; by name.</summary>
    public async Task<IReadOnlyList<UnitCard>> ChildrenAsync(UnitCard unit, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var tree = await catalog.TreeOnAsync(to, cancellationToken);
        return [.. (await catalog.UnitsAsync(tree.Children(unit.Id), cancellationToken)).Values.Where(u => !EndedBefore(u, from)).OrderBy(u => u.Name, StringComparer.Ordinal)];
    }

    /// <summary>A unit that had ended (merged or dissolved) before the period began: nothing of the period is its own.</summary>
    public static bool EndedBefore(UnitCard unit, LocalDate from)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.EndedOn is DateOnly ended && ended <= from.ToDateOnly();
    }

    /// <summary>The workbook of the unit's indicators, each unit below it and their ranking (GET /api/v1/indicators/report, the dashboard's download).</summary>
    public Task<Result<(byte[] Content, string ContentType, string FileName)>> WorkbookAsync(
        ClaimsPrincipal user, int? unitId, string? from, string? to, CancellationToken cancellationToken, string? period = null) =>
        DocumentAsync(user, unitId, from, to, period, Xlsx, cancellationToken);

    /// <summary>The same report as an A4 landscape PDF (GET /api/v1/indicators/report.pdf, the dashboard's download).</summary>
    public Task<Result<(byte[] Content, string ContentType, string FileName)>> PdfAsync(
        ClaimsPrincipal user, int? unitId, string? from, string? to, CancellationToken cancellationToken, string? period = null) =>
        DocumentAsync(user, unitId, from, to, period, Pdf, cancellationToken);

    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";

    private async Task<Result<(byte[] Content, string ContentType, string FileName)>> DocumentAsync(
        ClaimsPrincipal user, int? unitId, string? from, string? to, string? period, string format, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(user, unitId, from, to, cancellationToken, period);
        if (chosen.Failure is { } failure)
        {
            return failure;
        }

        return await RenderAsync(chosen.Value!, format, cancellationToken);
    }

    /// <summary>The report of the unit, each unit below it and their ranking as a file: xlsx, or pdf (A4 landscape); also made in the background.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(ReportChoice choice, string format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var (unit, first, last) = choice;
        var sheet = new IndicatorSheet(unit.Id, unit.Name, IsoDate.Format(first), IsoDate.Format(last), await ComputeAsync(unit, first, last, cancellationToken));
        var (below, ranking) = await BelowAsync(unit, first, last, cancellationToken);
        if (format != Pdf)
        {
            return (IndicatorExcel.Render(sheet, below, ranking), IndicatorExcel.ContentType, IndicatorExcel.FileName(sheet));
        }

        var parent = unit.ParentId is int p && await catalog.UnitAsync(p, cancellationToken) is { } above ? above.Name : string.Empty;
        var today = clock.GetCurrentInstant().InZone(VietnameseDates.Zone).Date;
        return (IndicatorPdf.Render(sheet, below, ranking, parent, today), IndicatorPdf.ContentType, IndicatorPdf.FileName(sheet));
    }

    /// <summary>The ranking for GET /api/v1/indicators/ranking: the units below the chosen one (the caller's own by default).</summary>
    public async Task<Result<IReadOnlyList<RankedUnit>>> RankingAsync(ClaimsPrincipal user, int? unitId, string? from, string? to, CancellationToken cancellationToken, string? period = null)
    {
        var sheet = await SheetAsync(user, unitId, from, to, cancellationToken, period);
        if (sheet.Failure is { } failure)
        {
            return failure;
        }

        var unit = (await catalog.UnitAsync(sheet.Value!.UnitId, cancellationToken))!;
        var (_, ranking) = await BelowAsync(unit, IsoDate.Parse(sheet.Value.From).Value, IsoDate.Parse(sheet.Value.To).Value, cancellationToken);
        return Result<IReadOnlyList<RankedUnit>>.Ok(ranking);
    }

    /// <summary>
    /// The size of every countable set (<see cref="CountableSets"/>) for the units and the days from–to (inclusive): sums
    /// of the counters, the catalog's procedures of those units, and for what is still open at the end of the period the
    /// counters from the beginning up to its last day.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> SetsAsync(IReadOnlyList<int> units, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        return await CachedAsync(Key("sets", units, from, to), async () => (IReadOnlyDictionary<string, long>)Sets(
            await CountAsync(units, from, to, cancellationToken), await catalog.ProcedureFactsAsync(units, cancellationToken),
            await payments.CollectingOnlineAsync(units, cancellationToken)));
    }

    private async Task<Counted> CountAsync(IReadOnlyList<int> units, LocalDate from, LocalDate to, CancellationToken cancellationToken, bool perProcedure = true)
    {
        var cutOff = options.Value.CutOffDay;
        var counted = new Counted();
        foreach (var s in await db.CounterRows(units, Grains.Cover(from, to, cutOff, byProcedure: false))
            .GroupBy(c => c.Measure).Select(g => new { g.Key, Sum = g.Sum(c => c.Count) }).ToListAsync(cancellationToken))
        {
            counted.Add(s.Key, s.Sum);
        }

        if (perProcedure)
        {
            foreach (var p in await db.CounterRows(units, Grains.Cover(from, to, cutOff, byProcedure: true)).Where(c => ByProcedure.Contains(c.Measure))
                .GroupBy(c => c.ProcedureCode)
                .Select(g => new
                {
                    ProcedureCode = g.Key,
                    Received = g.Sum(c => c.Measure == Measures.Received ? c.Count : 0),
                    Online = g.Sum(c => ProcedureCounts.OnlineMeasures.Contains(c.Measure) ? c.Count : 0),
                    PaidOnline = g.Sum(c => c.Measure == Measures.ReceivedPaidOnline ? c.Count : 0),
                    Postal = g.Sum(c => ProcedureCounts.PostalMeasures.Contains(c.Measure) ? c.Count : 0),
                }).ToListAsync(cancellationToken))
            {
                counted.AddProcedure(p.ProcedureCode, new ProcedureCounts(p.Received, p.Online, p.PaidOnline, p.Postal));
            }
        }

        // Still being processed on the last day: counters from the beginning, not only the period's.
        foreach (var o in await db.CounterRows(units, Grains.Cover(null, to, cutOff, byProcedure: false)).Where(c => OpenMeasures.Contains(c.Measure))
            .GroupBy(c => c.Measure).Select(g => new { g.Key, Sum = g.Sum(c => c.Count) }).ToListAsync(cancellationToken))
        {
            counted.AddOpen(o.Key, o.Sum);
        }

        return counted;
    }

    /// <summary>What the counters of some units and days add up to: by measure, by procedure and measure (<see cref="ByProcedure"/>), and the open measures from the beginning.</summary>
    private sealed class Counted
    {
        public Dictionary<string, long> Sums { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ProcedureCounts> PerProcedure { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Open { get; } = new(StringComparer.Ordinal);

        public void Add(string measure, long sum) => Sums[measure] = Sums.GetValueOrDefault(measure) + sum;

        public void AddProcedure(string procedure, ProcedureCounts counts) =>
            PerProcedure[procedure] = PerProcedure.TryGetValue(procedure, out var before) ? before + counts : counts;

        public void AddOpen(string measure, long sum) => Open[measure] = Open.GetValueOrDefault(measure) + sum;
    }

    /// <summary>The countable sets from the counters' sums and the catalog's procedures of the units (and which of the units collect online).</summary>
    private static Dictionary<string, long> Sets(Counted counted, IReadOnlyList<ProcedureFacts> handled, IReadOnlySet<int> collecting) =>
        Sets(counted, new ProcedureShape(handled, collecting));

    /// <summary>What the catalog says of the procedures some units handle, worked out once for all the periods it serves (a trend's twelve months).</summary>
    private sealed class ProcedureShape
    {
        public ProcedureShape(IReadOnlyList<ProcedureFacts> handled, IReadOnlySet<int> collecting)
        {
            Handled = handled.Count;
            foreach (var p in handled)
            {
                var online = p.OnlineLevel is OnlineLevel.Partial or OnlineLevel.Full;
                Online += online ? 1 : 0;
                FullOnline += p.OnlineLevel == OnlineLevel.Full ? 1 : 0;
                WithFee += p.IsFree ? 0 : 1;
                PayableOnline += !p.IsFree && p.UnitIds.Any(collecting.Contains) ? 1 : 0;
                Complete += p.IsComplete ? 1 : 0;
                Kinds.TryAdd(p.Code, (online, p.OnlineLevel == OnlineLevel.Full, !p.IsFree));
            }
        }

        public int Handled { get; }
        public int Online { get; }
        public int FullOnline { get; }
        public int WithFee { get; }
        public int PayableOnline { get; }
        public int Complete { get; }

        /// <summary>Each procedure handled, by code: offered online (partly or fully), fully online, with a fee.</summary>
        public Dictionary<string, (bool Online, bool FullOnline, bool HasFee)> Kinds { get; } = new(StringComparer.Ordinal);
    }

    private static Dictionary<string, long> Sets(Counted counted, ProcedureShape shape)
    {
        var sums = counted.Sums;
        long Sum(params string[] measures) => measures.Sum(m => sums.GetValueOrDefault(m));

        // One pass over the procedures that have counters, each looked up among those the units handle.
        long withApplication = 0, onlineWithOnlineApplication = 0, onlineWithApplication = 0, withOnlinePayment = 0, withPostal = 0;
        long fullOnlineReceived = 0, fullOnlineReceivedOnline = 0;
        foreach (var (code, c) in counted.PerProcedure)
        {
            if (!shape.Kinds.TryGetValue(code, out var kind))
            {
                continue;
            }

            withApplication += c.Received > 0 ? 1 : 0;
            onlineWithOnlineApplication += kind.Online && c.Online > 0 ? 1 : 0;
            onlineWithApplication += kind.Online && c.Received > 0 ? 1 : 0;
            withOnlinePayment += kind.HasFee && c.PaidOnline > 0 ? 1 : 0;
            withPostal += c.Postal > 0 ? 1 : 0;
            fullOnlineReceived += kind.FullOnline ? c.Received : 0;
            fullOnlineReceivedOnline += kind.FullOnline ? c.Online : 0;
        }

        var sets = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["applications.received"] = Sum(Measures.Received),
            ["applications.received.online"] = Sum(Measures.ReceivedRemote, Measures.ReceivedAssisted),
            ["applications.received.remote"] = Sum(Measures.ReceivedRemote),
            ["applications.received.counter"] = Sum(Measures.ReceivedCounter),
            ["applications.received.postal"] = Sum(Measures.ReceivedPostal),
            ["applications.received.digitized"] = Sum(Measures.ReceivedDigitized),
            ["applications.received.population-data"] = Sum(Measures.ReceivedPopulationData),
            ["applications.received.with-fee"] = Sum(Measures.ReceivedWithFee),
            ["applications.received.paid-online"] = Sum(Measures.ReceivedPaidOnline),
            ["applications.finished"] = Sum(Measures.Finished),
            ["applications.finished.timely"] = Sum(Measures.FinishedEarly, Measures.FinishedOnTime),
            ["applications.finished.late"] = Sum(Measures.FinishedLate),
            ["applications.returned"] = Sum(Measures.Returned),
            ["applications.returned.postal"] = Sum(Measures.ReturnedPostal),
            ["applications.returned.full-online"] = Sum(Measures.ReturnedFullOnline),
            ["procedures.handled"] = shape.Handled,
            ["procedures.online"] = shape.Online,
            ["procedures.full-online"] = shape.FullOnline,
            ["procedures.online.with-online-application"] = onlineWithOnlineApplication,
            ["procedures.with-application"] = withApplication,
            ["procedures.online.with-application"] = onlineWithApplication,
            ["procedures.with-fee"] = shape.WithFee,
            ["procedures.with-fee.payable-online"] = shape.PayableOnline,
            ["procedures.with-online-payment"] = withOnlinePayment,
            ["procedures.with-postal"] = withPostal,
            ["procedures.complete"] = shape.Complete,
            ["applications.returned.electronic"] = Sum(Measures.ReturnedElectronic),
            ["applications.returned.online-submitted"] = Sum(Measures.ReturnedFromOnline),
            ["applications.returned.electronic.online"] = Sum(Measures.ReturnedElectronicFromOnline),

            // Applications of the procedures offered fully online, and how many of them came in online.
            ["applications.full-online-eligible"] = fullOnlineReceived,
            ["applications.full-online-eligible.online"] = fullOnlineReceivedOnline,
        };

        var open = counted.Open;
        var pending = Math.Max(0, open.GetValueOrDefault(Measures.Received) - open.GetValueOrDefault(Measures.Closed));
        var overdue = Math.Clamp(open.GetValueOrDefault(Measures.OverdueFrom) - open.GetValueOrDefault(Measures.OverdueFromClosed), 0, pending);
        sets["applications.pending"] = pending;
        sets["applications.pending.overdue"] = overdue;
        sets["applications.processed"] = sets["applications.finished"] + pending;
        sets["applications.processed.timely"] = sets["applications.finished.timely"] + pending - overdue;
        return sets;
    }

    /// <summary>Every indicator, in the province's chosen variant, for the unit's sub-tree and the days from–to (inclusive).</summary>
    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(UnitCard unit, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var units = (await catalog.TreeOnAsync(to, cancellationToken)).Subtree(unit.Id);
        var sets = await SetsAsync(units, from, to, cancellationToken);
        return Values(sets, await targets.ApplyingAsync(unit, to, cancellationToken));
    }

    /// <summary>
    /// The indicators month by month (by the province's cut-off day), the <paramref name="months"/> reporting months up to
    /// the one <paramref name="to"/> falls in, each against the target that applies in it.
    /// </summary>
    /// <param name="only">The indicators wanted (null: all); when none of them counts procedures, the per-procedure counters are not read at all.</param>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(UnitCard unit, LocalDate to, int months, CancellationToken cancellationToken, IReadOnlyCollection<string>? only = null)
    {
        var perProcedure = NeedsProcedures(only);
        ArgumentNullException.ThrowIfNull(unit);
        var last = LocalDatePattern.CreateWithInvariantCulture("yyyy'-'MM'-'dd").Parse(ReportPeriods.MonthOf(to, options.Value.CutOffDay) + "-01").Value;
        var spans = Enumerable.Range(0, Math.Max(0, months)).Reverse().Select(i =>
        {
            var month = last.PlusMonths(-i);
            var (first, end) = ReportPeriods.Span(month.Year, month.Month, month.Month, options.Value.CutOffDay);
            return (Month: month, First: first, End: end);
        }).ToList();
        if (spans.Count == 0)
        {
            return [];
        }

        // Each month on the tree as it stood at its end; when a reorganisation falls inside the trend, month by month.
        var trees = new List<IReadOnlyList<int>>();
        foreach (var span in spans)
        {
            trees.Add([.. (await catalog.TreeOnAsync(span.End, cancellationToken)).Subtree(unit.Id).Order()]);
        }

        if (trees.Any(t => !t.SequenceEqual(trees[^1])))
        {
            var each = new List<TrendPoint>();
            for (var i = 0; i < spans.Count; i++)
            {
                var (month, first, end) = spans[i];
                var sets = Sets(await CountAsync(trees[i], first, end, cancellationToken, perProcedure), await catalog.ProcedureFactsAsync(trees[i], cancellationToken),
                    await payments.CollectingOnlineAsync(trees[i], cancellationToken));
                var values = Values(sets, await targets.ApplyingAsync(unit, end, cancellationToken), only);
                each.Add(new TrendPoint(month.Year, month.Month, IsoDate.Format(first), IsoDate.Format(end), values));
            }

            return each;
        }

        var units = trees[^1];
        var handled = await catalog.ProcedureFactsAsync(units, cancellationToken);
        var collecting = await payments.CollectingOnlineAsync(units, cancellationToken);
        var counted = new List<Counted>();
        foreach (var chunk in spans.Chunk(TrendChunk))
        {
            IReadOnlyList<(LocalDate First, LocalDate End)> months12 = [.. chunk.Select(s => (s.First, s.End))];
            counted.AddRange(await CachedAsync(Key("months", units, months12[0].First, months12[^1].End, perProcedure ? "procedures" : string.Empty),
                () => CountMonthsAsync(units, months12, perProcedure, cancellationToken)));
        }

        var applying = await targets.ApplyingAsync([.. spans.Select(s => (unit, s.End))], cancellationToken);
        var shape = new ProcedureShape(handled, collecting);
        var points = new List<TrendPoint>();
        for (var i = 0; i < spans.Count; i++)
        {
            var (month, first, end) = spans[i];
            var values = Values(Sets(counted[i], shape), applying[i], only);
            points.Add(new TrendPoint(month.Year, month.Month, IsoDate.Format(first), IsoDate.Format(end), values));
        }

        return points;
    }

    /// <summary>How many consecutive months one trend query buckets (the CASE below has this many arms).</summary>
    private const int TrendChunk = 12;

    /// <summary>
    /// The counters of consecutive months (each starting the day after the one before ends), read in three grouped queries
    /// for all of them: each counter falls in the last month that starts on or before its day; the open measures are
    /// summed from the beginning, so each month's are those of every bucket up to its own.
    /// </summary>
    private async Task<IReadOnlyList<Counted>> CountMonthsAsync(
        IReadOnlyList<int> units, IReadOnlyList<(LocalDate First, LocalDate End)> spans, bool perProcedure, CancellationToken cancellationToken)
    {
        var contiguous = spans.Zip(spans.Skip(1)).All(p => p.First.End.PlusDays(1) == p.Second.First);
        if (!contiguous || spans.Count > TrendChunk)
        {
            // Not one run of days: each month on its own.
            var each = new List<Counted>();
            foreach (var (first, end) in spans)
            {
                each.Add(await CountAsync(units, first, end, cancellationToken, perProcedure));
            }

            return each;
        }

        // s[i]: the first day of month i; months not asked for start never. The months are reporting months, so each
        // month row of the counters falls in one of them (years are read only before the first).
        var s = Enumerable.Range(0, TrendChunk).Select(i => i < spans.Count ? Measures.Day(spans[i].First) : int.MaxValue).ToArray();
        var (firstDay, lastDay, cutOff) = (spans[0].First, spans[^1].End, options.Value.CutOffDay);
        IQueryable<BucketRow> Bucketed(IQueryable<CounterRow> rows) => rows.Select(c => new BucketRow
        {
            Bucket = c.Day >= s[11] ? 11 : c.Day >= s[10] ? 10 : c.Day >= s[9] ? 9 : c.Day >= s[8] ? 8 : c.Day >= s[7] ? 7 : c.Day >= s[6] ? 6
                : c.Day >= s[5] ? 5 : c.Day >= s[4] ? 4 : c.Day >= s[3] ? 3 : c.Day >= s[2] ? 2 : c.Day >= s[1] ? 1 : 0,
            ProcedureCode = c.ProcedureCode, Measure = c.Measure, Count = c.Count,
        });
        var sums = await Bucketed(db.CounterRows(units, Grains.Cover(firstDay, lastDay, cutOff, byProcedure: false, years: false)))
            .GroupBy(c => new { c.Bucket, c.Measure }).Select(g => new { g.Key.Bucket, g.Key.Measure, Sum = g.Sum(c => c.Count) }).ToListAsync(cancellationToken);
        var procedures = !perProcedure ? null : await Bucketed(db.CounterRows(units, Grains.Cover(firstDay, lastDay, cutOff, byProcedure: true, years: false)).Where(c => ByProcedure.Contains(c.Measure)))
            .GroupBy(c => new { c.Bucket, c.ProcedureCode })
            .Select(g => new
            {
                g.Key.Bucket, g.Key.ProcedureCode,
                Received = g.Sum(c => c.Measure == Measures.Received ? c.Count : 0),
                Online = g.Sum(c => ProcedureCounts.OnlineMeasures.Contains(c.Measure) ? c.Count : 0),
                PaidOnline = g.Sum(c => c.Measure == Measures.ReceivedPaidOnline ? c.Count : 0),
                Postal = g.Sum(c => ProcedureCounts.PostalMeasures.Contains(c.Measure) ? c.Count : 0),
            }).ToListAsync(cancellationToken);
        Piece[] fromTheBeginning = [.. Grains.Cover(null, firstDay.PlusDays(-1), cutOff, byProcedure: false), .. Grains.Cover(firstDay, lastDay, cutOff, byProcedure: false, years: false)];
        var open = await Bucketed(db.CounterRows(units, fromTheBeginning).Where(c => OpenMeasures.Contains(c.Measure)))
            .GroupBy(c => new { c.Bucket, c.Measure }).Select(g => new { g.Key.Bucket, g.Key.Measure, Sum = g.Sum(c => c.Count) }).ToListAsync(cancellationToken);

        var counted = spans.Select(_ => new Counted()).ToArray();
        foreach (var x in sums)
        {
            counted[x.Bucket].Add(x.Measure, x.Sum);
        }

        foreach (var x in procedures ?? [])
        {
            counted[x.Bucket].AddProcedure(x.ProcedureCode, new ProcedureCounts(x.Received, x.Online, x.PaidOnline, x.Postal));
        }

        // Before the first month counts as the first month's beginning; each month then carries all before it.
        foreach (var x in open)
        {
            for (var i = x.Bucket; i < counted.Length; i++)
            {
                counted[i].AddOpen(x.Measure, x.Sum);
            }
        }

        return counted;
    }

    /// <summary>What one procedure's counters add up to: received, received online (remote or assisted), paid online, and by post (received or returned).</summary>
    private readonly record struct ProcedureCounts(long Received, long Online, long PaidOnline, long Postal)
    {
        /// <summary>What <see cref="Online"/> and <see cref="Postal"/> add up (the queries sum them per procedure in SQL).</summary>
        public static readonly string[] OnlineMeasures = [Measures.ReceivedRemote, Measures.ReceivedAssisted];

        public static readonly string[] PostalMeasures = [Measures.ReceivedPostal, Measures.ReturnedPostal];

        public static ProcedureCounts operator +(ProcedureCounts a, ProcedureCounts b) =>
            new(a.Received + b.Received, a.Online + b.Online, a.PaidOnline + b.PaidOnline, a.Postal + b.Postal);
    }

    /// <summary>A counter row placed in a month of a trend.</summary>
    private sealed class BucketRow
    {
        public int Bucket { get; init; }
        public string ProcedureCode { get; init; } = string.Empty;
        public string Measure { get; init; } = string.Empty;
        public long Count { get; init; }
    }

    /// <summary>The countable sets computed from the per-procedure counters (<see cref="Counted.PerProcedure"/>).</summary>
    private static readonly HashSet<string> ProcedureSets = new(StringComparer.Ordinal)
    {
        "procedures.online.with-online-application", "procedures.with-application", "procedures.online.with-application", "procedures.with-online-payment",
        "procedures.with-postal", "applications.full-online-eligible", "applications.full-online-eligible.online",
    };

    /// <summary>Whether any of these indicators (null: all), in the province's variants, needs the per-procedure counters.</summary>
    private bool NeedsProcedures(IReadOnlyCollection<string>? only) =>
        only is null || only.Select(id => IndicatorDefinitions.Find(id, options.Value.VariantOf(id))).Any(d => d is null || ProcedureSets.Contains(d.Numerator) || ProcedureSets.Contains(d.Denominator));

    private IReadOnlyList<IndicatorValue> Values(IReadOnlyDictionary<string, long> sets, IReadOnlyDictionary<string, IndicatorTarget> applying, IReadOnlyCollection<string>? only = null) =>
        IndicatorDefinitions.Ids.Where(id => only is null || only.Contains(id)).Select(id =>
        {
            var definition = IndicatorDefinitions.Find(id, options.Value.VariantOf(id))!;
            var (numerator, denominator) = (sets[definition.Numerator], sets[definition.Denominator]);
            decimal? value = denominator == 0 ? null : Math.Round(numerator * 100m / denominator, 2, MidpointRounding.AwayFromZero);
            if (!applying.TryGetValue(id, out var target))
            {
                return new IndicatorValue(definition.Id, definition.Name, definition.Variant, numerator, denominator, value, null, null);
            }

            // A rate with nothing counted under it has no level: there is nothing to judge yet.
            var level = target.Kind == TargetKind.Rate && value is null ? (Level?)null : options.Value.Levels.Of(target.Kind, target.Value, numerator, value);
            return new IndicatorValue(definition.Id, definition.Name, definition.Variant, numerator, denominator, value, target.Value,
                level?.ToString().ToLowerInvariant(), target.Kind);
        }).ToList();
}
