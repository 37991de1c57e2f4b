using MotCua.Web.Modules.Payments.Domain;
using NodaTime;

namespace MotCua.UnitTests.Modules.Payments;

public sealed class CollectingAccountTests
{
    private const string Ward = "UBND phường An Phú";
    private static readonly string[] Providers = ["sandbox", "vnpay"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 8, 0);

    private static (AccountDetails? Details, IReadOnlyList<(string Field, string Message)> Problems) Check(
        string? bank = VietnameseBanks.StateTreasury, string? number = "3711.0.1234567", string? holder = Ward, string? provider = "sandbox", string? otherBank = null) =>
        CollectingAccountRules.Check(new AccountDeclaration(bank, otherBank, number, holder, provider), Ward, Providers);

    [Fact]
    public void A_treasury_account_in_the_units_name_is_accepted_with_its_number_as_digits()
    {
        var (details, problems) = Check();
        Assert.Empty(problems);
        Assert.Equal(new AccountDetails("KBNN", "Kho bạc Nhà nước", "371101234567", Ward, "sandbox"), details);
    }

    [Theory]
    [InlineData("UBND phường An Phú")]
    [InlineData("UBND PHUONG AN PHU")]
    [InlineData("Ủy ban nhân dân phường An Phú")]
    [InlineData("Sở Tư pháp tỉnh An Bình")]
    [InlineData("SO TU PHAP TINH AN BINH")]
    [InlineData("Văn phòng Đăng ký đất đai tỉnh An Bình")]
    [InlineData("Trung tâm Phục vụ hành chính công tỉnh An Bình")]
    [InlineData("Chi cục Thuế khu vực I")]
    [InlineData("Kho bạc Nhà nước khu vực IV")]
    [InlineData("Phòng Tài chính - Kế hoạch")]
    [InlineData("Cục Quản lý xuất nhập cảnh")]
    [InlineData("Công an tỉnh An Bình")]
    [InlineData("Ban Quản lý các khu công nghiệp")]
    [InlineData("TK thu phí UBND phường An Phú")]
    public void An_organisation_may_hold_the_account(string holder) =>
        Assert.True(CollectingAccountRules.NamesOrganisation(holder, Ward), holder);

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("NGUYEN VAN AN")]
    [InlineData("Trần Thị Cúc")]
    [InlineData("Lê Văn Phong")]
    [InlineData("Phạm Minh Quân")]
    public void A_person_may_not_hold_the_account_and_the_refusal_says_why(string holder)
    {
        Assert.False(CollectingAccountRules.NamesOrganisation(holder, Ward), holder);
        var (details, problems) = Check(holder: holder);
        Assert.Null(details);
        var (field, message) = Assert.Single(problems);
        Assert.Equal("accountHolder", field);
        Assert.Contains("không phải cá nhân", message, StringComparison.Ordinal);
        Assert.Contains(Ward, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("12345678901234567890")]
    [InlineData("0071-ABC-123")]
    public void An_account_number_has_6_to_19_digits(string? number)
    {
        var (details, problems) = Check(number: number);
        Assert.Null(details);
        Assert.Equal("accountNumber", Assert.Single(problems).Field);
    }

    [Fact]
    public void The_holder_bank_and_provider_are_required_and_another_bank_needs_its_name()
    {
        var (details, problems) = Check(bank: null, holder: " ", provider: "someone-else");
        Assert.Null(details);
        Assert.Equal(["bankCode", "accountHolder", "provider"], problems.Select(p => p.Field));
        Assert.Equal("bankName", Assert.Single(Check(bank: VietnameseBanks.Other).Problems).Field);
        var (other, _) = Check(bank: VietnameseBanks.Other, otherBank: "Ngân hàng TMCP  Bắc Á");
        Assert.Equal(("NGAN HANG TMCP BAC A", "Ngân hàng TMCP Bắc Á"), (other!.BankKey, other.BankName));
    }

    [Fact]
    public void A_change_is_kept_as_history_from_the_old_to_the_new_and_saving_the_same_changes_nothing()
    {
        var first = Check().Details!;
        var (account, declared) = CollectingAccount.Declare(3, first, "Quản trị phường", Now);
        Assert.Null(declared.OldAccountNumber);
        Assert.Equal("371101234567", declared.NewAccountNumber);
        Assert.Null(account.Change(first, "Quản trị phường", Now + Duration.FromDays(1)));

        var second = Check(bank: "VCB", number: "0071000123456", provider: "vnpay").Details!;
        var change = account.Change(second, "Quản trị tỉnh", Now + Duration.FromDays(2))!;
        Assert.Equal(("Kho bạc Nhà nước", "371101234567", "sandbox"), (change.OldBankName, change.OldAccountNumber, change.OldProvider));
        Assert.Equal(("Vietcombank", "0071000123456", "vnpay"), (change.NewBankName, change.NewAccountNumber, change.NewProvider));
        Assert.Equal(("Quản trị tỉnh", Now + Duration.FromDays(2)), (change.By, change.At));
        Assert.Equal(second, account.Details);
    }

    [Fact]
    public void A_payment_keeps_the_account_as_it_was_when_it_was_made()
    {
        var payment = new Payment("261202ABCDEF", 7, "H99.01-261202-0007", 3, 50_000, "sandbox", "Thanh toan le phi", null, Now, Duration.FromMinutes(15));
        payment.CollectInto(new PaymentAccount("Kho bạc Nhà nước", "371101234567", Ward));
        Assert.Equal(("Kho bạc Nhà nước", "371101234567", Ward), (payment.AccountBank, payment.AccountNumber, payment.AccountHolder));
    }
}
