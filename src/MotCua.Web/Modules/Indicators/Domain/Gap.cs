namespace MotCua.Web.Modules.Indicators.Domain;

/// <summary>How many more a unit needs to reach a target, worked out from where it stands.</summary>
public static class Gap
{
    /// <summary>
    /// The fewest more counted items that reach the target; 0 when it is reached; null when no number of them can
    /// (a rate of 100 % with some already outside it). For a set of applications each new one adds to the numerator
    /// and the denominator alike (one more online application is one more application); for a set of procedures
    /// the denominator stays and procedures move into the numerator.
    /// </summary>
    public static long? Needed(TargetKind kind, decimal target, long numerator, long denominator, bool addsToBoth)
    {
        if (kind == TargetKind.Count)
        {
            return Math.Max(0, (long)Math.Ceiling(target - numerator));
        }

        if (denominator > 0 && numerator * 100m >= target * denominator)
        {
            return 0;
        }

        if (!addsToBoth)
        {
            var needed = (long)Math.Ceiling((target * denominator / 100m) - numerator);
            return Math.Min(Math.Max(0, needed), denominator - numerator);
        }

        if (target >= 100)
        {
            return denominator == numerator ? Math.Max(0, denominator == 0 ? 1 : 0) : null;
        }

        // (N + n) / (D + n) ≥ t  ⇔  n ≥ (t·D − N) / (1 − t), with t as a fraction.
        var t = target / 100m;
        return Math.Max(1, (long)Math.Ceiling(((t * denominator) - numerator) / (1 - t)));
    }
}
