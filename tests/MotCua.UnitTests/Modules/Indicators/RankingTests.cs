using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class RankingTests
{
    [Theory]
    [InlineData(TargetKind.Rate, 80, 0, 80, 10)]
    [InlineData(TargetKind.Rate, 80, 0, 100, 10)]
    [InlineData(TargetKind.Rate, 80, 0, 40, 5)]
    [InlineData(TargetKind.Count, 20, 15, null, 7.5)]
    [InlineData(TargetKind.Count, 0, 0, null, 10)]
    public void An_indicator_earns_its_points_in_proportion_to_the_target_reached(TargetKind kind, int target, long numerator, int? value, double points) =>
        Assert.Equal((decimal)points, Ranking.Points(kind, target, numerator, value));

    [Fact]
    public void A_missed_target_costs_the_deduction_ties_share_a_rank_and_units_without_targets_come_last()
    {
        var ranking = Ranking.Of(
        [
            (1, "UBND xã An Lạc", [(TargetKind.Rate, 50m, 30L, (decimal?)60m), (TargetKind.Count, 20m, 10L, null)]), // 10 + 5 − 2
            (2, "UBND phường An Phú", [(TargetKind.Rate, 50m, 30L, (decimal?)60m), (TargetKind.Count, 20m, 25L, null)]), // 10 + 10
            (3, "UBND xã Đông Hòa", [(TargetKind.Rate, 50m, 25L, (decimal?)50m), (TargetKind.Count, 20m, 10L, null)]), // 10 + 5 − 2
            (4, "Sở Tư pháp tỉnh An Bình", []),
        ], deduction: 2);
        Assert.Equal([(1, 2, 20m), (2, 1, 13m), (2, 3, 13m), (4, 4, (decimal?)null)], ranking.Select(r => (r.Rank, r.UnitId, r.Score)));
        Assert.Equal((1, 1), (ranking[1].TargetsMet, ranking[1].TargetsMissed));
    }
}
