using MotCua.Web.Modules.Applications.Access;

namespace MotCua.UnitTests.Modules.Applications;

public sealed class UnitScopeTests
{
    [Fact]
    public void A_sub_tree_is_the_range_from_its_path_to_the_path_with_a_zero_for_the_last_slash() =>
        Assert.Equal(("/000.00.00.H99/000.01.00.H99/", "/000.00.00.H99/000.01.00.H990"), UnitScope.Range("/000.00.00.H99/000.01.00.H99/"));

    [Theory]
    [InlineData("/000.00.00.H99/000.01.00.H99/", true)]
    [InlineData("/000.00.00.H99/000.01.00.H99/000.21.21.H99/", true)]
    [InlineData("/000.00.00.H99/000.01.00.H990/", false)]
    [InlineData("/000.00.00.H99/000.01.00.H9/", false)]
    [InlineData("/000.00.00.H99/000.01.00.H99", false)]
    [InlineData("/000.00.00.H99/000.01.00.H99-/", false)]
    [InlineData("/000.00.00.H99/", false)]
    public void The_range_holds_exactly_the_paths_that_start_with_the_unit_path(string path, bool inside)
    {
        var (start, end) = UnitScope.Range("/000.00.00.H99/000.01.00.H99/");
        var inRange = string.CompareOrdinal(path, start) >= 0 && string.CompareOrdinal(path, end) < 0;
        Assert.Equal(inside, inRange);
        Assert.Equal(path.StartsWith(start, StringComparison.Ordinal), inRange);
    }

    [Fact]
    public void A_path_must_end_with_a_slash() =>
        Assert.Throws<ArgumentException>(() => UnitScope.Range("/000.00.00.H99"));
}
