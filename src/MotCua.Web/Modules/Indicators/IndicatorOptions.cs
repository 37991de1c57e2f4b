using System.ComponentModel.DataAnnotations;
using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.Web.Modules.Indicators;

/// <summary>Configuration "Indicators": which variant of each indicator the province reports (default: each one's default).</summary>
public sealed class IndicatorOptions : IValidatableObject
{
    public const string Section = "Indicators";

    /// <summary>Indicator id → variant, e.g. "online-payment-rate": "procedures-paid".</summary>
    public Dictionary<string, string> Variants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the colours change, in percent of the target reached.</summary>
    public LevelThresholds Levels { get; set; } = new();

    /// <summary>
    /// The day monthly figures are cut off (1–28): with 15, November's report runs from 16/10 to 15/11. Empty for
    /// calendar months.
    /// </summary>
    [Range(1, 28)]
    public int? CutOffDay { get; set; }

    /// <summary>
    /// How long (seconds) the sums of the counters behind a figure are kept and shown to everyone who asks for the same
    /// units and period; 0: summed again on every read. See <see cref="FigureCache"/>.
    /// </summary>
    [Range(0, 3600)]
    public int FiguresCacheSeconds { get; set; } = 60;

    /// <summary>Points taken off a unit's ranking score for each target it missed (default 2 of the 10 each target is worth).</summary>
    [Range(0, 10)]
    public decimal MissedTargetDeduction { get; set; } = 2;

    /// <summary>The grades of the Decision 766 index with the score each starts from; empty: Xuất sắc 90, Tốt 80, Khá 70, Trung bình 50, Yếu.</summary>
    public Index766Grade[]? Index766Grades { get; set; }

    public IReadOnlyList<Index766Grade> Index766GradesOrDefault => Index766Grades is { Length: > 0 } grades ? grades : Index766.DefaultGrades;

    public string? VariantOf(string id) => Variants.GetValueOrDefault(id);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Levels.AreOrdered)
        {
            yield return new ValidationResult($"Indicators:Levels must fall from Green to Orange above 0 (now {Levels.Green}, {Levels.Yellow}, {Levels.Orange}).");
        }

        if (Index766Grades is { Length: > 0 } grades
            && (grades.Any(g => string.IsNullOrWhiteSpace(g.Name) || g.Minimum < 0 || g.Minimum > 100) || grades.Select(g => g.Minimum).Distinct().Count() != grades.Length))
        {
            yield return new ValidationResult("Indicators:Index766Grades: each grade needs a name and its own minimum score between 0 and 100.");
        }

        foreach (var (id, variant) in Variants)
        {
            if (IndicatorDefinitions.Find(id, variant) is null)
            {
                var known = string.Join(", ", IndicatorDefinitions.All.Where(d => d.Id == id).Select(d => d.Variant));
                yield return new ValidationResult(known.Length == 0
                    ? $"Indicators:Variants names an unknown indicator \"{id}\"; known: {string.Join(", ", IndicatorDefinitions.Ids)}."
                    : $"Indicators:Variants:{id} is \"{variant}\"; its variants are {known}.");
            }
        }
    }
}
