using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class GapTests
{
    [Theory]
    [InlineData(50, 10, 40, 20L)]    // 30 of 60 is 50 %
    [InlineData(50, 20, 40, 0L)]     // reached
    [InlineData(80, 0, 0, 1L)]       // nothing yet: one online application is 100 %
    [InlineData(30, 29, 100, 2L)]    // 31 of 102 is 30.4 %; 30 of 101 is 29.7 %
    [InlineData(100, 3, 5, null)]    // two already went the other way
    public void New_applications_add_to_both_sides(int target, long numerator, long denominator, long? needed) =>
        Assert.Equal(needed, Gap.Needed(TargetKind.Rate, target, numerator, denominator, addsToBoth: true));

    [Fact]
    public void Procedures_move_into_the_numerator_and_a_count_needs_the_difference()
    {
        Assert.Equal(5, Gap.Needed(TargetKind.Rate, 80, 10, 18, addsToBoth: false));   // 15 of 18 is 83 %
        Assert.Equal(5, Gap.Needed(TargetKind.Count, 20, 15, 0, addsToBoth: true));
        Assert.Equal(0, Gap.Needed(TargetKind.Count, 20, 25, 0, addsToBoth: true));
    }
}
