using MotCua.Web.Modules.Applications.Submit;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Modules.Applications.Pages;

public sealed class OfficeForAddressTests
{
    private static readonly UnitCard Province = Unit(1, "UBND tỉnh An Bình", "tỉnh An Bình", "/1/");
    private static readonly UnitCard AnPhu = Unit(2, "UBND phường An Phú", "phường An Phú", "/1/2/");
    private static readonly UnitCard DongHoa = Unit(3, "UBND xã Đông Hòa", "xã Đông Hòa", "/1/3/");

    [Fact]
    public void The_office_of_the_ward_in_the_address_is_chosen_before_the_province()
    {
        var office = SubmitModel.OfficeFor([Province, DongHoa, AnPhu], "Số 12 đường Trần Phú, phường An Phú, tỉnh An Bình");
        Assert.Equal(AnPhu, office);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Số 5 đường Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh")]
    [InlineData("Thôn An Phú Đông, xã Tân Lập")]
    public void Without_an_office_named_in_the_address_the_person_chooses(string? address) =>
        Assert.Null(SubmitModel.OfficeFor([DongHoa, AnPhu], address));

    private static UnitCard Unit(int id, string name, string area, string path) =>
        new(id, $"000.0{id}.00.H99", name, "commune", null, path, name, area, null, null, null);
}
