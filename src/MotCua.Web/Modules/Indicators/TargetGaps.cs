using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators;

/// <summary>A procedure that could close the gap: most applications of the period came in another way, and it can come in this one.</summary>
public sealed record GapProcedure(string Code, string Name, long Applications, string OnlineLevel);

/// <summary>GET /api/v1/targets/gap: where a unit stands against its target, what closes the gap, and its applications at risk of running late.</summary>
public sealed record TargetGap(
    string Indicator, string IndicatorName, int UnitId, string UnitName, string From, string To,
    long Numerator, long Denominator, decimal? Value, decimal? Target, TargetKind? TargetKind, string? Level,
    long? Needed, string Advice, IReadOnlyList<GapProcedure> Procedures, IReadOnlyList<AtRiskApplication> AtRisk);

/// <summary>
/// The target gap planner: for a unit behind its target, how many more it needs ("UBND xã X needs 37 more online
/// applications"), the procedures that would bring them, and the applications due within a working day that are not
/// yet at their last step.
/// </summary>
public sealed class TargetGaps(
    IndicatorReport report, CatalogDirectory catalog, ApplicationFigures applications, WorkingCalendarProvider calendars, MotCuaDbContext db,
    FigureCache figures, Microsoft.Extensions.Options.IOptions<IndicatorOptions> options, IClock clock)
{
    private const int Suggested = 5;

    public async Task<Result<TargetGap>> GapAsync(ClaimsPrincipal user, int? unitId, string? indicator, string? from, string? to, CancellationToken cancellationToken, string? period = null)
    {
        var sheet = await report.SheetAsync(user, unitId, from, to, cancellationToken, period);
        if (sheet.Failure is { } failure)
        {
            return failure;
        }

        if (indicator is null || !IndicatorDefinitions.Ids.Contains(indicator))
        {
            return Failure.Invalid("Chỉ số chưa hợp lệ.", ("indicator", $"Chọn một chỉ số: {string.Join(", ", IndicatorDefinitions.Ids)}."));
        }

        var unit = (await catalog.UnitAsync(sheet.Value!.UnitId, cancellationToken))!;
        return await GapAsync(unit, sheet.Value, indicator, await AtRiskAsync(unit, cancellationToken), cancellationToken);
    }

    /// <summary>The gap of one indicator of a sheet already computed for the unit (the dashboard computes it once for all).</summary>
    public async Task<TargetGap> GapAsync(UnitCard unit, IndicatorSheet s, string indicator, IReadOnlyList<AtRiskApplication> atRisk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(s);
        var v = s.Indicators.Single(i => i.Id == indicator);
        var definition = IndicatorDefinitions.All.First(d => d.Id == v.Id && d.Variant == v.Variant);
        var addsToBoth = definition.Numerator.StartsWith("applications.", StringComparison.Ordinal);
        long? needed = v.Target is decimal target ? Gap.Needed(v.TargetKind!.Value, target, v.Numerator, v.Denominator, addsToBoth) : null;
        var procedures = needed is > 0 ? await ProceduresAsync(unit, indicator, s, cancellationToken) : [];
        return new TargetGap(v.Id, v.Name, unit.Id, unit.Name, s.From, s.To, v.Numerator, v.Denominator, v.Value, v.Target, v.TargetKind, v.Level,
            needed, Advice(unit.Name, v, needed, definition, procedures), procedures, atRisk);
    }

    /// <summary>The unit's applications due within one working day that are not yet at their last step.</summary>
    public async Task<IReadOnlyList<AtRiskApplication>> AtRiskAsync(UnitCard unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var now = clock.GetCurrentInstant();
        var time = await calendars.GetAsync(cancellationToken);
        return await applications.AtRiskAsync(unit.Path, now, time.AddWorkingTime(now, 1, TimeUnit.WorkingDays), 50, cancellationToken);
    }

    /// <summary>For the online and postal indicators: the procedures of the sub-tree with most applications that came in another way and could come in this one.</summary>
    private async Task<IReadOnlyList<GapProcedure>> ProceduresAsync(UnitCard unit, string indicator, IndicatorSheet s, CancellationToken cancellationToken)
    {
        string[] otherWays = indicator switch
        {
            "online-application-rate" or "service-uptake-rate" or "online-processing-rate" => [Measures.ReceivedCounter, Measures.ReceivedPostal],
            "postal-rate" => [Measures.ReceivedCounter],
            _ => [],
        };
        if (otherWays.Length == 0)
        {
            return [];
        }

        var units = (await catalog.TreeOnAsync(LocalDatePattern.Iso.Parse(s.To).Value, cancellationToken)).Subtree(unit.Id);
        var cover = Grains.Cover(LocalDatePattern.Iso.Parse(s.From).Value, LocalDatePattern.Iso.Parse(s.To).Value, options.Value.CutOffDay, byProcedure: true);
        var key = $"gap|{s.From}|{s.To}|{string.Join(',', otherWays)}|{string.Join(',', units)}";
        var (counts, _) = await figures.GetAsync(key, async () => await db.CounterRows(units, cover).Where(c => otherWays.Contains(c.Measure))
            .GroupBy(c => c.ProcedureCode).Select(g => new { Code = g.Key, Sum = g.Sum(c => c.Count) })
            .ToDictionaryAsync(g => g.Code, g => g.Sum, StringComparer.Ordinal, cancellationToken));
        var handled = await catalog.ProcedureFactsAsync(units, cancellationToken);
        return [.. handled
            .Where(p => counts.GetValueOrDefault(p.Code) > 0 && (indicator == "postal-rate" ? p.PostalAllowed : p.OnlineLevel == OnlineLevel.Full))
            .OrderByDescending(p => counts[p.Code]).ThenBy(p => p.Code, StringComparer.Ordinal).Take(Suggested)
            .Select(p => new GapProcedure(p.Code, p.Name, counts[p.Code], p.OnlineLevel.ToString()))];
    }

    private static string Advice(string unitName, IndicatorValue v, long? needed, IndicatorDefinition definition, IReadOnlyList<GapProcedure> procedures)
    {
        if (v.Target is null)
        {
            return $"Chưa đặt mục tiêu cho chỉ số này của {unitName}.";
        }

        if (needed == 0)
        {
            return $"{unitName} đã đạt mục tiêu.";
        }

        var what = LowerFirst(Domain.CountableSets.All[definition.Numerator]);
        if (needed is null)
        {
            return $"{unitName} không thể đạt mục tiêu 100 % trong kỳ này: đã có hồ sơ không thuộc {what}.";
        }

        var advice = string.Create(Vi, $"Để đạt mục tiêu trong kỳ, {unitName} cần thêm {needed:N0} {what}.");
        return procedures.Count == 0 ? advice
            : advice + string.Create(Vi, $" Các thủ tục nhận nhiều hồ sơ theo cách khác nhất mà có thể nộp theo cách này: {string.Join("; ", procedures.Select(p => string.Create(Vi, $"{p.Name} ({p.Applications:N0} hồ sơ)")))}.");
    }

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], Vi) + text[1..];
}
