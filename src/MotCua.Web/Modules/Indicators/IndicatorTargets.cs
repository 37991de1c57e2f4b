using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>A target as typed (API and page): the period as yyyy-MM-dd.</summary>
public sealed record TargetInput(int? UnitId, string? Indicator, string? From, string? To, TargetKind? Kind, decimal? Value);

/// <summary>A target as listed.</summary>
public sealed record TargetView(long Id, int UnitId, string UnitName, string Indicator, string From, string To, TargetKind Kind, decimal Value, string SetBy, DateTimeOffset SetAt);

/// <summary>The targets the province admin sets, and the one that applies to a unit's figure for a period.</summary>
public sealed class IndicatorTargets(MotCuaDbContext db, CatalogDirectory catalog, IClock clock)
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>Sets (or replaces, for the same unit, indicator and period) a target.</summary>
    public async Task<Result<TargetView>> SetAsync(ClaimsPrincipal user, TargetInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var unit = input.UnitId is int id ? await catalog.UnitAsync(id, cancellationToken) : null;
        var from = Parse(input.From);
        var to = Parse(input.To);
        var problems = IndicatorTarget.Problems(input.Indicator?.Trim(), from, to, input.Kind, input.Value).ToList();
        if (unit is null)
        {
            problems.Insert(0, ("unitId", "Chọn đơn vị của mục tiêu."));
        }

        if (problems.Count > 0)
        {
            return Failure.Invalid("Mục tiêu chưa hợp lệ.", [.. problems.Select(p => (p.Field, (string?)p.Message))]);
        }

        var indicator = input.Indicator!.Trim();
        var (first, last) = (Measures.Day(from!.Value), Measures.Day(to!.Value));
        var who = user.Identity?.Name ?? "Quản trị viên";
        var now = clock.GetCurrentInstant();
        var target = await db.Set<IndicatorTarget>().SingleOrDefaultAsync(
            t => t.UnitId == unit!.Id && t.IndicatorId == indicator && t.FromDay == first && t.ToDay == last, cancellationToken);
        if (target is null)
        {
            target = new IndicatorTarget(unit!.Id, indicator, from.Value, to.Value, input.Kind!.Value, input.Value!.Value, who, now);
            db.Add(target);
        }
        else
        {
            target.Change(input.Kind!.Value, input.Value!.Value, who, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return View(target, unit!.Name);
    }

    /// <summary>
    /// Every row of a filled template, or none: a row with a mistake is reported with its row number and field, and
    /// then nothing is kept. Returns how many targets were set (added or replaced).
    /// </summary>
    public async Task<Result<int>> ImportAsync(ClaimsPrincipal user, IReadOnlyList<TargetRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Failure.Invalid("Tệp không có mục tiêu nào.", ("file", "Điền mỗi mục tiêu trên một dòng của trang \"Mục tiêu\" trong tệp mẫu."));
        }

        var units = await catalog.UnitsAsync(rows.Select(r => r.UnitCode ?? string.Empty).Distinct(), cancellationToken);
        var inputs = new List<TargetInput>();
        var errors = new List<(string Field, string? Message)>();
        foreach (var row in rows)
        {
            var kind = row.Kind is { } k && Enum.TryParse<TargetKind>(k, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (TargetKind?)null;
            var value = decimal.TryParse(row.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
            var unit = row.UnitCode is { } code ? units.GetValueOrDefault(code) : null;
            var problems = IndicatorTarget.Problems(row.Indicator, Parse(row.From), Parse(row.To), kind, value).ToList();
            if (unit is null)
            {
                problems.Insert(0, ("unitId", row.UnitCode is null ? "Nhập mã đơn vị." : $"Không có đơn vị mã {row.UnitCode}."));
            }

            errors.AddRange(problems.Select(p => ($"dong-{row.Row}.{p.Field}", (string?)$"Dòng {row.Row}: {p.Message}")));
            inputs.Add(new TargetInput(unit?.Id, row.Indicator, row.From, row.To, kind, value));
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid("Tệp mục tiêu có dòng chưa hợp lệ; chưa mục tiêu nào được lưu.", [.. errors]);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var input in inputs)
            {
                if ((await SetAsync(user, input, cancellationToken)).Failure is { } failure)
                {
                    return Result<int>.Fail(failure);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return Result<int>.Ok(inputs.Count);
        });
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<IndicatorTarget>().Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The targets set on these units, newest period first.</summary>
    public async Task<IReadOnlyList<TargetView>> ListAsync(IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => unitIds.Contains(t.UnitId)).ToListAsync(cancellationToken);
        var units = await catalog.UnitsAsync(targets.Select(t => t.UnitId).Distinct(), cancellationToken);
        return targets.OrderByDescending(t => t.FromDay).ThenBy(t => t.UnitId).ThenBy(t => t.IndicatorId, StringComparer.Ordinal)
            .Select(t => View(t, units.TryGetValue(t.UnitId, out var u) ? u.Name : t.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>
    /// For each indicator, the target that applies to the unit on the period's last day: its own, else the nearest
    /// unit above it that has one; of several, the one with the shortest period.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IndicatorTarget>> ApplyingAsync(UnitCard unit, LocalDate to, CancellationToken cancellationToken) =>
        (await ApplyingAsync([(unit, to)], cancellationToken))[0];

    /// <summary>The same for many units and days at once (the units below on a dashboard, the months of a trend): one query for all.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, IndicatorTarget>>> ApplyingAsync(
        IReadOnlyList<(UnitCard Unit, LocalDate To)> asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.Count == 0)
        {
            return [];
        }

        var lines = asked.Select(a => a.Unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var units = await catalog.UnitsAsync(lines.SelectMany(l => l).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var ids = units.Values.Select(u => u.Id).Distinct().ToList();
        var (first, last) = (asked.Min(a => Measures.Day(a.To)), asked.Max(a => Measures.Day(a.To)));
        var targets = await db.Set<IndicatorTarget>().AsNoTracking()
            .Where(t => ids.Contains(t.UnitId) && t.FromDay <= last && t.ToDay >= first).ToListAsync(cancellationToken);
        return [.. asked.Select((a, i) =>
        {
            var depth = lines[i].Select((code, d) => (code, d)).Where(c => units.ContainsKey(c.code)).ToDictionary(c => units[c.code].Id, c => c.d);
            var day = Measures.Day(a.To);
            return (IReadOnlyDictionary<string, IndicatorTarget>)targets.Where(t => depth.ContainsKey(t.UnitId) && t.FromDay <= day && t.ToDay >= day)
                .GroupBy(t => t.IndicatorId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(t => depth[t.UnitId]).ThenBy(t => t.ToDay - t.FromDay).First(), StringComparer.Ordinal);
        })];
    }

    private static LocalDate? Parse(string? text) =>
        text is not null && IsoDate.Parse(text.Trim()) is { Success: true } parsed && Common.Text.SensibleDates.Contains(parsed.Value) ? parsed.Value : null;

    private static TargetView View(IndicatorTarget t, string unitName) => new(
        t.Id, t.UnitId, unitName, t.IndicatorId, Iso(t.FromDay), Iso(t.ToDay), t.Kind, t.Value, t.SetBy,
        t.SetAt.InZone(Common.Text.VietnameseDates.Zone).ToDateTimeOffset());

    private static string Iso(int day) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day / 10_000:0000}-{day / 100 % 100:00}-{day % 100:00}");
}
