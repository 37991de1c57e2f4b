using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.UnitTests.Modules.Catalog;

public sealed class UnitTreeTests
{
    private static readonly AdministrativeLevel Province = new("province", "Cấp tỉnh", 1);
    private static readonly AdministrativeLevel District = new("district", "Cấp huyện", 2);
    private static readonly AdministrativeLevel Commune = new("commune", "Cấp xã", 3);

    [Fact]
    public void A_three_level_province_nests_communes_under_districts()
    {
        var province = new Unit("000.00.00.H99", "UBND tỉnh An Bình", UnitKind.PeopleCommittee, Province, null);
        var district = new Unit("000.00.20.H99", "UBND huyện Đông Sơn", UnitKind.District, District, province);
        var commune = new Unit("000.21.20.H99", "UBND xã Đông Hòa", UnitKind.Commune, Commune, district);

        Assert.Equal("/000.00.00.H99/000.00.20.H99/000.21.20.H99/", commune.Path);
        Assert.Equal(3, commune.Depth);
        Assert.True(commune.IsWithin(district));
        Assert.True(commune.IsWithin(province));
        Assert.False(district.IsWithin(commune));
    }

    [Fact]
    public void A_two_level_province_puts_communes_right_under_it()
    {
        var twoLevels = new AdministrativeLevel("commune", "Cấp xã", 2);
        var province = new Unit("000.00.00.H98", "UBND tỉnh Hai Cấp", UnitKind.PeopleCommittee, Province, null);
        var ward = new Unit("000.01.00.H98", "UBND phường Trung Tâm", UnitKind.Commune, twoLevels, province);
        var department = new Unit("000.00.04.H98", "Sở Tư pháp", UnitKind.Department, Province, province);

        Assert.Equal(2, ward.Depth);
        Assert.True(ward.IsWithin(province));
        Assert.False(ward.IsWithin(department));
        Assert.Equal("commune", ward.LevelCode);
    }

    [Fact]
    public void A_sibling_whose_code_starts_the_same_is_not_inside()
    {
        var province = new Unit("P", "Tỉnh", UnitKind.PeopleCommittee, Province, null);
        var a = new Unit("A1", "A1", UnitKind.Department, Province, province);
        var a10 = new Unit("A10", "A10", UnitKind.Department, Province, province);
        Assert.False(a10.IsWithin(a));
    }
}
