using MotCua.Web.Modules.Identity.Public;

namespace MotCua.UnitTests.Modules.Identity;

public sealed class ApplicantNumbersTests
{
    [Theory]
    [InlineData("001090000001", true)]
    [InlineData("00109000000", false)]
    [InlineData("0010900000011", false)]
    [InlineData("00109000000a", false)]
    [InlineData("００１０９００００００１", false)]
    [InlineData(null, false)]
    public void Identity_number_has_twelve_ascii_digits(string? value, bool valid) =>
        Assert.Equal(valid, ApplicantNumbers.IsIdentityNumber(value));

    [Theory]
    [InlineData("079190123456", null, true)]
    [InlineData("001205123456", null, true)]
    [InlineData("003090123456", null, false)] // 003 is no province
    [InlineData("097090123456", null, false)]
    [InlineData("001490123456", null, false)] // born in the 22nd century
    [InlineData("001090123456", 1990, true)]
    [InlineData("001190123456", 1990, true)]
    [InlineData("001290123456", 1990, false)] // 2 means born 2000–2099
    [InlineData("001290123456", 2090, true)]
    [InlineData("001085123456", 1990, false)]
    public void Identity_number_follows_the_province_century_and_year_rules(string value, int? birthYear, bool valid) =>
        Assert.Equal(valid, ApplicantNumbers.IdentityNumberProblem(value, birthYear is int y ? new DateOnly(y, 6, 15) : null) is null);

    [Theory]
    [InlineData("ten@example.com", true)]
    [InlineData("ten.ho@so-tu-phap.anbinh.gov.vn", true)]
    [InlineData("ten@localhost", false)]
    [InlineData("ten example@com.vn", false)]
    [InlineData("Tên <ten@example.com>", false)]
    [InlineData("@example.com", false)]
    public void Email_has_the_usual_shape(string value, bool valid) => Assert.Equal(valid, ApplicantNumbers.IsEmail(value));

    [Theory]
    [InlineData("0109000001", true)]
    [InlineData("0109000001-001", true)]
    [InlineData("0109000001-01", false)]
    [InlineData("010900000", false)]
    [InlineData("0109000001-001-1", false)]
    public void Tax_code_has_ten_digits_and_an_optional_branch(string value, bool valid) =>
        Assert.Equal(valid, ApplicantNumbers.IsTaxCode(value));

    [Theory]
    [InlineData("0912000001", true)]
    [InlineData("0912 000 001", true)]
    [InlineData("+84912000001", true)]
    [InlineData("912000001", false)]
    [InlineData("09120000011", false)]
    public void Phone_number_is_ten_digits_starting_with_zero(string value, bool valid) =>
        Assert.Equal(valid, ApplicantNumbers.IsPhoneNumber(value));
}
