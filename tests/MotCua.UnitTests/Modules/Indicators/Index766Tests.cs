using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class Index766Tests
{
    private static readonly Index766Indicator Digitized = Index766.Indicators.Single(i => i.Id == "inputs-digitized");

    [Fact]
    public void The_groups_share_one_hundred_points_as_legal_md_sets_them_out()
    {
        Assert.Equal(100, Index766.Groups.Sum(g => g.Points));
        Assert.All(Index766.Groups, g => Assert.Equal(g.Points, g.Indicators.Sum(i => i.Points)));
        Assert.Equal([18m, 20m, 12m, 10m, 22m, 18m], Index766.Groups.Select(g => g.Points));
        Assert.Equal(Index766.Indicators.Count(), Index766.Indicators.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Every_measured_indicator_divides_known_sets_and_every_unmeasured_one_says_why()
    {
        foreach (var i in Index766.Indicators)
        {
            if (i.Measured)
            {
                Assert.True(CountableSets.All.ContainsKey(i.Numerator!), i.Numerator);
                Assert.True(CountableSets.All.ContainsKey(i.Denominator!), i.Denominator);
            }
            else
            {
                Assert.StartsWith("Chưa có số liệu", i.Unmeasured, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(80, 4)]      // at the target: all 4 points
    [InlineData(95.5, 4)]    // above it: no more than all
    [InlineData(40, 2)]      // half the target: half the points
    [InlineData(30, 1.5)]    // 30 × 4 ÷ 80
    [InlineData(0, 0)]
    public void Full_points_at_the_target_otherwise_ratio_times_points_over_target(decimal ratio, decimal points) =>
        Assert.Equal(points, Index766.Points(Digitized, ratio));

    [Fact]
    public void Nothing_counted_is_nothing_to_judge() =>
        Assert.Null(Index766.Points(Digitized, Index766.Ratio(0, 0)));

    [Theory]
    [InlineData(95, "Xuất sắc")]
    [InlineData(90, "Xuất sắc")]
    [InlineData(89.99, "Tốt")]
    [InlineData(72, "Khá")]
    [InlineData(50, "Trung bình")]
    [InlineData(12, "Yếu")]
    public void Grades_start_at_their_minimum_score(decimal score, string grade) =>
        Assert.Equal(grade, Index766.Grade(score, Index766.DefaultGrades));

    [Fact]
    public void The_score_is_what_was_earned_over_what_could_be_measured_on_one_hundred()
    {
        Assert.Equal(75, Index766.Score(43.5m, 58));
        Assert.Equal(0, Index766.Score(0, 0));
    }
}
