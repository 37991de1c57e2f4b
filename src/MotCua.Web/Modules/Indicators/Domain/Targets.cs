using NodaTime;

namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>A target is a rate ("≥ 80 %") or a count ("≥ 20 applications", compared with the indicator's numerator).</summary>
public enum TargetKind
{
    Rate,
    Count,
}

/// <summary>How far a value is from its target, in the seeds' colours (xanh, vàng, cam, đỏ).</summary>
public enum Level
{
    Green,
    Yellow,
    Orange,
    Red,
}

/// <summary>
/// Where the colours change, as a share of the target reached (in percent): by default green from 100 % of the target,
/// yellow from 80 %, orange from 50 %, red below. The province may set its own (configuration <c>Indicators:Levels</c>).
/// </summary>
public sealed class LevelThresholds
{
    public decimal Green { get; set; } = 100;
    public decimal Yellow { get; set; } = 80;
    public decimal Orange { get; set; } = 50;

    /// <summary>The colour of a value against its target; a target of nothing is always reached.</summary>
    public Level Of(TargetKind kind, decimal target, long numerator, decimal? value)
    {
        if (target <= 0)
        {
            return Level.Green;
        }

        var reached = kind == TargetKind.Count ? numerator : value ?? 0;
        var share = reached * 100m / target;
        return share >= Green ? Level.Green : share >= Yellow ? Level.Yellow : share >= Orange ? Level.Orange : Level.Red;
    }

    public bool AreOrdered => Green > Yellow && Yellow > Orange && Orange > 0;

    /// <summary>The colour's name on pages and in reports.</summary>
    public static string Name(Level level) => level switch
    {
        Level.Green => "Xanh (đạt)",
        Level.Yellow => "Vàng",
        Level.Orange => "Cam",
        _ => "Đỏ",
    };
}

/// <summary>
/// A unit's target for an indicator over a period (days in Vietnam, both inclusive). It applies to the unit and to the
/// units below it that have none of their own; the province admin sets it.
/// </summary>
public sealed class IndicatorTarget
{
    private IndicatorTarget()
    {
        IndicatorId = SetBy = string.Empty;
    }

    public IndicatorTarget(int unitId, string indicatorId, LocalDate from, LocalDate to, TargetKind kind, decimal value, string setBy, Instant now)
    {
        UnitId = unitId;
        IndicatorId = indicatorId;
        FromDay = Measures.Day(from);
        ToDay = Measures.Day(to);
        Kind = kind;
        Value = value;
        SetBy = setBy;
        SetAt = now;
    }

    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public string IndicatorId { get; private set; }
    public int FromDay { get; private set; }
    public int ToDay { get; private set; }
    public TargetKind Kind { get; private set; }

    /// <summary>A rate in percent (80 for ≥ 80 %), or a count.</summary>
    public decimal Value { get; private set; }

    public string SetBy { get; private set; }
    public Instant SetAt { get; private set; }

    /// <summary>The same unit, indicator and period set again: the new kind and value replace the old.</summary>
    public void Change(TargetKind kind, decimal value, string setBy, Instant now)
    {
        (Kind, Value, SetBy, SetAt) = (kind, value, setBy, now);
    }

    /// <summary>What is wrong with a target as typed, field by field; empty when it can be kept.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(string? indicatorId, LocalDate? from, LocalDate? to, TargetKind? kind, decimal? value)
    {
        if (indicatorId is null || !IndicatorDefinitions.Ids.Contains(indicatorId))
        {
            yield return ("indicator", $"Chọn một chỉ số: {string.Join(", ", IndicatorDefinitions.Ids)}.");
        }

        if (from is null)
        {
            yield return ("from", "Nhập ngày đầu kỳ theo dạng yyyy-MM-dd.");
        }

        if (to is null)
        {
            yield return ("to", "Nhập ngày cuối kỳ theo dạng yyyy-MM-dd.");
        }
        else if (from is not null && to < from)
        {
            yield return ("to", "Ngày cuối kỳ không được trước ngày đầu kỳ.");
        }

        if (kind is null)
        {
            yield return ("kind", "Chọn loại mục tiêu: tỷ lệ (Rate) hoặc số lượng (Count).");
        }

        if (value is null || value < 0)
        {
            yield return ("value", "Nhập mục tiêu là một số không âm.");
        }
        else if (kind == TargetKind.Rate && value > 100)
        {
            yield return ("value", "Mục tiêu tỷ lệ không quá 100 %.");
        }
        else if (kind == TargetKind.Count && value != decimal.Truncate(value.Value))
        {
            yield return ("value", "Mục tiêu số lượng là một số nguyên.");
        }
    }
}
