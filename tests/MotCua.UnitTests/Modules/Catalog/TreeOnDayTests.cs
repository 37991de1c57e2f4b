using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Modules.Catalog;

/// <summary>
/// A 3-level province moved to two levels on 01/07/2025: the district of Tây Sơn dissolved into the province, its two
/// communes moved under the province, and one of them merged into a new commune on 01/09/2025.
/// </summary>
public sealed class TreeOnDayTests
{
    private const int Province = 1, District = 2, Hoa = 3, Binh = 4, NewCommune = 5, Department = 6;

    private static readonly DateOnly Reform = new(2025, 7, 1), Merger = new(2025, 9, 1), Entered = new(2026, 12, 3);

    private static TreeOnDay On(DateOnly day) => new(
        [
            (Province, "P", null), (District, "D", Province), (Hoa, "H", NewCommune), (Binh, "B", Province), (NewCommune, "N", Province), (Department, "S", Province),
        ],
        [
            // Entered after the fact: the units are created today, the reorganisation dated back.
            new(District, Entered, 1, null, "/P/D/", IsCreation: true),
            new(Hoa, Entered, 2, null, "/P/D/H/", IsCreation: true),
            new(Binh, Entered, 3, null, "/P/D/B/", IsCreation: true),
            new(Hoa, Reform, 4, "/P/D/H/", "/P/H/"),
            new(Binh, Reform, 5, "/P/D/B/", "/P/B/"),
            new(District, Reform, 6, "/P/D/", "/P/D/"),
            new(NewCommune, Entered, 7, null, "/P/N/", IsCreation: true),
            new(Hoa, Merger, 8, "/P/H/", "/P/N/H/"),
        ],
        day);

    [Fact]
    public void Before_the_reform_the_district_holds_its_communes()
    {
        var tree = On(new DateOnly(2025, 3, 31));
        Assert.Equal([District, Hoa, Binh], tree.Subtree(District).Order());
        Assert.Equal(District, tree.ParentOf(Hoa));
        Assert.Contains(District, tree.Children(Province));
    }

    [Fact]
    public void After_the_reform_the_communes_sit_under_the_province_and_the_district_holds_only_itself()
    {
        var tree = On(new DateOnly(2025, 7, 31));
        Assert.Equal([District], tree.Subtree(District));
        Assert.Equal(Province, tree.ParentOf(Hoa));
        Assert.Equal(Province, tree.ParentOf(Binh));
    }

    [Fact]
    public void After_the_merger_the_merged_commune_counts_in_its_successor()
    {
        var tree = On(new DateOnly(2025, 12, 31));
        Assert.Equal([NewCommune, Hoa], tree.Subtree(NewCommune));
        Assert.Equal(6, tree.Subtree(Province).Count);
    }

    [Fact]
    public void A_unit_without_history_stays_where_it_is_today() =>
        Assert.Equal(Province, On(new DateOnly(2020, 1, 1)).ParentOf(Department));
}
