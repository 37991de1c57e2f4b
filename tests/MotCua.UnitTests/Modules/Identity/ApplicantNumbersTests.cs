using MotCua.Web.Modules.Identity.Domain;

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
