using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Catalog.Versions;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Catalog.Units;

public sealed record NewUnit(string? Code, string? Name, string? ShortName, UnitKind? Kind, string? Level, int? ParentId,
    string? Address = null, string? Phone = null, string? Email = null, string? Place = null, string? AreaName = null);

public sealed record UnitEdit(string? Name, string? ShortName, string? Address, string? Phone, string? Email);

public sealed record UnitMove(int? ParentId, string? Reason);

/// <param name="UnitIds">The units that end; their work goes to the successor.</param>
/// <param name="EffectiveOn">The day of the decision's effect (today or earlier); null = today.</param>
public sealed record UnitMerge(IReadOnlyList<int>? UnitIds, int? SuccessorId, DateOnly? EffectiveOn, string? Reason);

/// <param name="ChildrenParentId">Where the units below it go (the communes of a dissolved district); null = its parent.</param>
public sealed record UnitDissolve(int? SuccessorId, int? ChildrenParentId, DateOnly? EffectiveOn, string? Reason);

public sealed record UnitView(int Id, string Code, string Name, string? ShortName, UnitKind Kind, string Level, int? ParentId, string Path,
    string? Address, string? Phone, string? Email, DateOnly? EndedOn, int? SuccessorId);

/// <summary>What a reorganisation did: units ended, applications moved, officers moved, procedures given a new version.</summary>
/// <param name="Moved">How many of each thing moved to the successor ("hồ sơ đang giải quyết" → 12).</param>
public sealed record Reorganised(IReadOnlyList<UnitView> Ended, UnitView Successor, IReadOnlyDictionary<string, int> Moved, IReadOnlyList<string> ProceduresChanged, IReadOnlyList<RefusedProcedure> ProceduresNotChanged);

/// <summary>
/// The province's unit tree, edited by the province admin: create, rename, move, merge and dissolve. A unit that ends
/// (merged or dissolved) is never deleted: it moves below its successor, so everything filed with it stays findable and
/// counts in the successor's sub-tree, while open applications and officers move to the successor itself. Every change
/// is a <see cref="UnitChange"/> row and an audit entry; other modules follow through <see cref="IUnitTreeListener"/>,
/// all in one transaction.
/// </summary>
public sealed partial class UnitTree(
    MotCuaDbContext db,
    IEnumerable<IUnitTreeListener> listeners,
    CatalogImport import,
    CatalogVersions versions,
    AuditTrail audit,
    IClock clock)
{
    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public sealed record Actor(Guid? Id, string Name);

    private DateOnly Today => VietnameseDates.Today(clock);

    public static UnitView View(Unit u) => new(u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.LevelCode, u.ParentId, u.Path, u.Address, u.Phone, u.Email, u.EndedOn, u.SuccessorId);

    public async Task<IReadOnlyList<UnitView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Set<Unit>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(u => u.Path, StringComparer.Ordinal).Select(View).ToList();

    public async Task<Result<UnitView>> CreateAsync(NewUnit input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = input.Code?.Trim();
        var name = TextRules.Normalize(input.Name);
        var level = input.Level is null ? null : await db.Set<AdministrativeLevel>().SingleOrDefaultAsync(l => l.Code == input.Level, cancellationToken);
        var parent = input.ParentId is int parentId ? await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken) : null;
        var levels = await db.Set<AdministrativeLevel>().Select(l => l.Code).ToListAsync(cancellationToken);
        (string Field, string? Message)[] problems =
        [
            ("code", code is null ? "Nhập mã định danh điện tử của cơ quan (ví dụ 000.24.21.H99)."
                : CodePattern().IsMatch(code) ? null : "Mã định danh có dạng 000.24.21.H99: bốn nhóm chữ số hoặc chữ in hoa, ngăn bởi dấu chấm (Quyết định 20/2020/QĐ-TTg)."),
            ("name", name is null ? "Nhập tên đơn vị." : TextRules.Problem(name, 250)),
            ("shortName", TextRules.Problem(input.ShortName, 150)),
            ("kind", input.Kind is null ? "Chọn loại đơn vị." : null),
            ("level", level is null ? $"Chọn cấp của đơn vị: {string.Join(", ", levels)}." : null),
            ("parentId", parent is null ? "Chọn đơn vị cấp trên có trong cây đơn vị." : parent.Ended ? $"{parent.Name} đã sáp nhập hoặc giải thể; chọn đơn vị đang hoạt động." : null),
            .. ContactProblems(input.Address, input.Phone, input.Email),
            ("place", TextRules.Problem(input.Place, 100)),
            ("areaName", TextRules.Problem(input.AreaName, 150)),
        ];
        if (problems.Any(p => p.Message is not null))
        {
            return Failure.Invalid("Thông tin đơn vị chưa hợp lệ.", problems);
        }

        if (await db.Set<Unit>().AnyAsync(u => u.Code == code, cancellationToken))
        {
            return Failure.Invalid("Mã định danh đã có.", ("code", $"Đã có đơn vị mang mã {code}."));
        }

        var unit = new Unit(code!, name!, input.Kind!.Value, level!, parent);
        unit.Rename(name!, input.ShortName);
        unit.SetContact(TextRules.Normalize(input.Address), TextRules.Normalize(input.Phone), TextRules.Normalize(input.Email));
        unit.SetPlace(TextRules.Normalize(input.Place), TextRules.Normalize(input.AreaName));
        db.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new UnitChange(UnitChangeKind.Create, unit.Id, unit.Code, null, Today, null, unit.Path, null, clock.GetCurrentInstant(), actor.Name));
        audit.Record(actor.Id, actor.Name, "unit.create", $"unit:{unit.Code}", null, View(unit));
        await db.SaveChangesAsync(cancellationToken);
        versions.Invalidate();
        return View(unit);
    }

    public async Task<Result<UnitView>> EditAsync(int id, UnitEdit input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unit = await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Failure.NotFound("Không có đơn vị này.");
        }

        var name = TextRules.Normalize(input.Name);
        (string Field, string? Message)[] problems =
        [
            ("name", name is null ? "Nhập tên đơn vị." : TextRules.Problem(name, 250)),
            ("shortName", TextRules.Problem(input.ShortName, 150)),
            .. ContactProblems(input.Address, input.Phone, input.Email),
        ];
        if (problems.Any(p => p.Message is not null))
        {
            return Failure.Invalid("Thông tin đơn vị chưa hợp lệ.", problems);
        }

        var before = View(unit);
        unit.Rename(name!, TextRules.Normalize(input.ShortName));
        unit.SetContact(TextRules.Normalize(input.Address), TextRules.Normalize(input.Phone), TextRules.Normalize(input.Email));
        db.Add(new UnitChange(UnitChangeKind.Edit, unit.Id, unit.Code, null, Today, unit.Path, unit.Path, null, clock.GetCurrentInstant(), actor.Name));
        audit.Record(actor.Id, actor.Name, "unit.edit", $"unit:{unit.Code}", before, View(unit));
        await db.SaveChangesAsync(cancellationToken);
        versions.Invalidate();
        return View(unit);
    }

    /// <summary>Puts a unit (and everything below it) under another parent; its applications' paths follow.</summary>
    public Task<Result<UnitView>> MoveAsync(int id, UnitMove input, Actor actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var units = await db.Set<Unit>().ToListAsync(cancellationToken);
            var unit = units.SingleOrDefault(u => u.Id == id);
            var parent = units.SingleOrDefault(u => u.Id == input.ParentId);
            if (unit is null)
            {
                return Result<UnitView>.Fail(Failure.NotFound("Không có đơn vị này."));
            }

            if (parent is null || parent.Ended || unit.Ended || parent.IsWithin(unit) || unit.ParentId is null)
            {
                return Failure.Invalid("Không chuyển được đơn vị.", ("parentId",
                    unit.ParentId is null ? "Không chuyển được đơn vị gốc của tỉnh."
                    : unit.Ended ? $"{unit.Name} đã sáp nhập hoặc giải thể."
                    : parent is null ? "Chọn đơn vị cấp trên mới có trong cây đơn vị."
                    : parent.Ended ? $"{parent.Name} đã sáp nhập hoặc giải thể."
                    : "Không chuyển một đơn vị vào bên dưới chính nó."));
            }

            var oldPath = unit.Path;
            await MoveSubtreeAsync(unit, parent, units, cancellationToken);
            db.Add(new UnitChange(UnitChangeKind.Move, unit.Id, unit.Code, null, Today, oldPath, unit.Path, input.Reason, clock.GetCurrentInstant(), actor.Name));
            audit.Record(actor.Id, actor.Name, "unit.move", $"unit:{unit.Code}", new { path = oldPath }, new { path = unit.Path, reason = input.Reason });
            await db.SaveChangesAsync(cancellationToken);
            return View(unit);
        });

    /// <summary>Merges units into a successor (communes into a new commune): see the type's summary.</summary>
    public Task<Result<Reorganised>> MergeAsync(UnitMerge input, Actor actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var units = await db.Set<Unit>().ToListAsync(cancellationToken);
            var ids = (input.UnitIds ?? []).Distinct().ToList();
            var sources = ids.Select(i => units.SingleOrDefault(u => u.Id == i)).ToList();
            var successor = units.SingleOrDefault(u => u.Id == input.SuccessorId);
            var on = input.EffectiveOn ?? Today;
            (string Field, string? Message)[] problems =
            [
                ("unitIds", ids.Count == 0 ? "Chọn ít nhất một đơn vị được sáp nhập."
                    : sources.Any(s => s is null) ? "Có đơn vị được sáp nhập không có trong cây đơn vị."
                    : sources.FirstOrDefault(s => s!.Ended) is { } ended ? $"{ended.Name} đã sáp nhập hoặc giải thể từ ngày {ended.EndedOn:dd/MM/yyyy}."
                    : sources.FirstOrDefault(s => s!.ParentId is null) is not null ? "Không sáp nhập được đơn vị gốc của tỉnh."
                    : successor is not null && sources.Any(s => s!.Id == successor.Id) ? "Đơn vị kế thừa không nằm trong các đơn vị được sáp nhập."
                    : successor is not null && sources.Any(s => successor.IsWithin(s!)) ? "Đơn vị kế thừa không được nằm bên dưới đơn vị được sáp nhập."
                    : null),
                ("successorId", successor is null ? "Chọn đơn vị kế thừa có trong cây đơn vị." : successor.Ended ? $"{successor.Name} đã sáp nhập hoặc giải thể." : null),
                ("effectiveOn", DateProblem(on)),
                ("reason", TextRules.Problem(input.Reason, 1000)),
            ];
            if (problems.Any(p => p.Message is not null))
            {
                return Result<Reorganised>.Fail(Failure.Invalid("Chưa sáp nhập được.", problems));
            }

            return await SucceedAsync(sources.Select(s => s!).ToList(), successor!, on, input.Reason, UnitChangeKind.Merge, units, actor, cancellationToken);
        });

    /// <summary>Dissolves a unit (a district in the move to two levels): the units below go to a new parent, its own work to the successor.</summary>
    public Task<Result<Reorganised>> DissolveAsync(int id, UnitDissolve input, Actor actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var units = await db.Set<Unit>().ToListAsync(cancellationToken);
            var unit = units.SingleOrDefault(u => u.Id == id);
            if (unit is null)
            {
                return Result<Reorganised>.Fail(Failure.NotFound("Không có đơn vị này."));
            }

            var successor = units.SingleOrDefault(u => u.Id == input.SuccessorId);
            var childrenParent = input.ChildrenParentId is int p ? units.SingleOrDefault(u => u.Id == p) : units.SingleOrDefault(u => u.Id == unit.ParentId);
            var on = input.EffectiveOn ?? Today;
            (string Field, string? Message)[] problems =
            [
                ("id", unit.Ended ? $"{unit.Name} đã sáp nhập hoặc giải thể từ ngày {unit.EndedOn:dd/MM/yyyy}." : unit.ParentId is null ? "Không giải thể được đơn vị gốc của tỉnh." : null),
                ("successorId", successor is null ? "Chọn đơn vị nhận công việc của đơn vị giải thể." : successor.Ended ? $"{successor.Name} đã sáp nhập hoặc giải thể."
                    : successor.IsWithin(unit) ? "Đơn vị kế thừa không được nằm bên dưới đơn vị giải thể." : null),
                ("childrenParentId", childrenParent is null || childrenParent.Ended || childrenParent.IsWithin(unit) ? "Chọn đơn vị cấp trên mới (đang hoạt động, không thuộc đơn vị giải thể) cho các đơn vị trực thuộc." : null),
                ("effectiveOn", DateProblem(on)),
                ("reason", TextRules.Problem(input.Reason, 1000)),
            ];
            if (problems.Any(x => x.Message is not null))
            {
                return Result<Reorganised>.Fail(Failure.Invalid("Chưa giải thể được.", problems));
            }

            foreach (var child in units.Where(u => u.ParentId == unit.Id && !u.Ended).ToList())
            {
                var oldPath = child.Path;
                await MoveSubtreeAsync(child, childrenParent!, units, cancellationToken);
                db.Add(new UnitChange(UnitChangeKind.Move, child.Id, child.Code, null, on, oldPath, child.Path, input.Reason, clock.GetCurrentInstant(), actor.Name));
            }

            return await SucceedAsync([unit], successor!, on, input.Reason, UnitChangeKind.Dissolve, units, actor, cancellationToken);
        });

    /// <summary>Ends each former unit into the successor, with everything that follows from it.</summary>
    private async Task<Result<Reorganised>> SucceedAsync(
        IReadOnlyList<Unit> formers, Unit successor, DateOnly on, string? reason, UnitChangeKind kind, List<Unit> units, Actor actor, CancellationToken cancellationToken)
    {
        var procedures = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units).ToListAsync(cancellationToken);
        var moved = listeners.ToDictionary(l => l.Moves, _ => 0, StringComparer.Ordinal);
        foreach (var former in formers)
        {
            var naming = procedures.Where(p => p.Workflow.Any(s => s.UnitCode == former.Code)).Select(p => p.Id).ToList();
            var card = CatalogDirectory.Card(former);
            var note = $"Chuyển từ {former.Name} sang {successor.Name} do {(kind == UnitChangeKind.Merge ? "sáp nhập" : "giải thể")} đơn vị từ ngày {on:dd/MM/yyyy}"
                + (string.IsNullOrWhiteSpace(reason) ? "." : $" ({reason.Trim()}).");
            var succession = new UnitSuccession(card, CatalogDirectory.Card(successor), on, note, naming);
            foreach (var listener in listeners)
            {
                moved[listener.Moves] += await listener.SucceededAsync(succession, cancellationToken);
            }

            var oldPath = former.Path;
            former.EndInto(successor, on);
            foreach (var below in units.Where(u => u.Id != former.Id && u.Path.StartsWith(oldPath, StringComparison.Ordinal)))
            {
                below.Rebase(oldPath, former.Path);
            }

            foreach (var listener in listeners)
            {
                await listener.PathsMovedAsync(oldPath, former.Path, naming, cancellationToken);
            }

            db.Add(new UnitChange(kind, former.Id, former.Code, successor.Id, on, oldPath, former.Path, reason, clock.GetCurrentInstant(), actor.Name));
            audit.Record(actor.Id, actor.Name, kind == UnitChangeKind.Merge ? "unit.merge" : "unit.dissolve", $"unit:{former.Code}",
                new { path = oldPath }, new { successor = successor.Code, effectiveOn = on, reason, path = former.Path });
        }

        await db.SaveChangesAsync(cancellationToken);

        // The procedures the former units handled or named in a step now name the successor, as a new version from today.
        var codes = formers.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var affected = procedures.Where(p => p.Units.Any(u => formers.Any(f => f.Id == u.UnitId)) || p.Workflow.Any(s => s.UnitCode is { } c && codes.Contains(c))).ToList();
        var changed = new List<string>();
        var notChanged = new List<RefusedProcedure>();
        if (affected.Count > 0)
        {
            var latest = await versions.LatestAsync(affected.Select(p => p.Id).ToList(), cancellationToken);
            var unitCodes = units.ToDictionary(u => u.Id, u => u.Code);
            var records = affected.Select(p =>
            {
                var record = latest.TryGetValue(p.Id, out var l) ? l.Record : ProcedureRecords.From(p, unitCodes);
                return record with
                {
                    Units = record.Units.Select(c => codes.Contains(c) ? successor.Code : c).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    Workflow = (record.Workflow ?? []).Select(s => s.Unit is { } c && codes.Contains(c) ? s with { Unit = successor.Code } : s).ToList(),
                    EffectiveFrom = null,
                    ChangeNote = $"Sắp xếp đơn vị hành chính: {string.Join(", ", formers.Select(f => f.Name))} → {successor.Name}",
                };
            }).ToList();
            var report = await import.RunAsync(new CatalogFile(records), dryRun: false, actor.Id, actor.Name, cancellationToken);
            if (report.Value is { } done)
            {
                changed.AddRange(done.Changed.Select(c => c.Code));
                notChanged.AddRange(done.Refused);
            }
        }

        versions.Invalidate();
        return new Reorganised(formers.Select(View).ToList(), View(successor), moved, changed, notChanged);
    }

    private async Task MoveSubtreeAsync(Unit unit, Unit parent, List<Unit> units, CancellationToken cancellationToken)
    {
        var oldPath = unit.Path;
        unit.MoveUnder(parent);
        foreach (var below in units.Where(u => u.Id != unit.Id && u.Path.StartsWith(oldPath, StringComparison.Ordinal)))
        {
            below.Rebase(oldPath, unit.Path);
        }

        var inside = units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var procedures = await db.Set<Procedure>().AsNoTracking().Select(p => new { p.Id, p.Workflow }).ToListAsync(cancellationToken);
        var naming = procedures.Where(p => p.Workflow.Any(s => s.UnitCode is { } c && inside.Contains(c))).Select(p => p.Id).ToList();
        foreach (var listener in listeners)
        {
            await listener.PathsMovedAsync(oldPath, unit.Path, naming, cancellationToken);
        }
    }

    private async Task<Result<T>> InTransactionAsync<T>(Func<Task<Result<T>>> change)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await change();
            if (result.Succeeded)
            {
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                versions.Invalidate();
            }
            else
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
            }

            return result;
        });
    }

    private string? DateProblem(DateOnly on) =>
        on > Today ? "Ngày hiệu lực không được sau hôm nay: hãy thực hiện vào ngày quyết định có hiệu lực."
        : on < new DateOnly(2000, 1, 1) ? "Ngày hiệu lực không hợp lệ." : null;

    private static (string Field, string? Message)[] ContactProblems(string? address, string? phone, string? email) =>
    [
        ("address", TextRules.Problem(address, TextLimits.Address)),
        ("phone", TextRules.Problem(phone, 50)),
        ("email", email is null ? null : TextRules.Problem(email, TextLimits.Email) ?? (ApplicantNumbers.IsEmail(email.Trim()) ? null : "Thư điện tử không đúng dạng, ví dụ ubnd@anbinh.gov.vn.")),
    ];
}
