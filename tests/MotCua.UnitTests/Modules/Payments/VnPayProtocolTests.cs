using MotCua.Web.Modules.Payments;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using NodaTime;

namespace MotCua.UnitTests.Modules.Payments;

public sealed class VnPayProtocolTests
{
    private const string Secret = "SECRETKEYFORTESTINGONLY123456789";

    private static readonly KeyValuePair<string, string?>[] Order =
    [
        new("vnp_Version", "2.1.0"), new("vnp_Command", "pay"), new("vnp_TmnCode", "MOTCUA01"), new("vnp_Amount", "800000"),
        new("vnp_CurrCode", "VND"), new("vnp_TxnRef", "P1A2B3C4"), new("vnp_OrderInfo", "Thanh toan ho so H99.01-261202-0001"),
        new("vnp_OrderType", "other"), new("vnp_Locale", "vn"), new("vnp_ReturnUrl", "https://dichvucong.anbinh.gov.vn/payments/vnpay/return"),
        new("vnp_IpAddr", "127.0.0.1"), new("vnp_CreateDate", "20261202150000"),
    ];

    [Fact]
    public void Signs_the_fields_sorted_and_url_encoded_with_hmac_sha512()
    {
        // Computed independently (Python: hmac.new(secret, text, hashlib.sha512) over quote_plus-encoded, sorted fields).
        Assert.Equal(
            "vnp_Amount=800000&vnp_Command=pay&vnp_CreateDate=20261202150000&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn"
            + "&vnp_OrderInfo=Thanh+toan+ho+so+H99.01-261202-0001&vnp_OrderType=other"
            + "&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.anbinh.gov.vn%2Fpayments%2Fvnpay%2Freturn&vnp_TmnCode=MOTCUA01&vnp_TxnRef=P1A2B3C4&vnp_Version=2.1.0",
            VnPayProtocol.SignedText(Order));
        Assert.Equal(
            "8c566af9b8ce0f22318beead294af4295c61e131d6163fab38607363e2e18589fe869df9d3bbc654f5ade37a80b1e6c10de86cff5235bce78fcd45d26e7a6363",
            VnPayProtocol.Sign(Order, Secret));
    }

    [Fact]
    public void A_signed_query_checks_out_and_any_change_or_another_secret_does_not()
    {
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(VnPayProtocol.SignedQuery(Order, Secret))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).ToList();
        Assert.True(VnPayProtocol.IsSigned(fields, Secret));
        Assert.False(VnPayProtocol.IsSigned(fields, Secret + "x"));
        var tampered = fields.Select(f => f.Key == "vnp_Amount" ? new KeyValuePair<string, string?>(f.Key, "100") : f).ToList();
        Assert.False(VnPayProtocol.IsSigned(tampered, Secret));
        Assert.False(VnPayProtocol.IsSigned(fields.Where(f => f.Key != VnPayProtocol.HashField).ToList(), Secret));
    }

    [Theory]
    [InlineData("5000000", 50_000L)]
    [InlineData("100", 1L)]
    [InlineData("150", null)]
    [InlineData("-100", null)]
    [InlineData("abc", null)]
    [InlineData(null, null)]
    public void Amounts_come_back_in_whole_dong(string? gateway, long? dong) => Assert.Equal(dong, VnPayProtocol.Dong(gateway));

    [Fact]
    public void Times_are_written_in_vietnam_time() =>
        Assert.Equal("20261202150000", VnPayProtocol.Time(Instant.FromUtc(2026, 12, 2, 8, 0)));

    [Fact]
    public void Options_name_what_is_missing_and_never_the_secret()
    {
        var options = new PaymentOptions
        {
            DefaultProvider = "vnpay",
            Providers = { ["vnpay"] = new VnPayProviderOptions { TmnCode = "ABC", HashSecret = "ngan", PayUrl = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html" } },
            Sandbox = new SandboxGatewayOptions { Enabled = true },
        };
        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();
        Assert.Contains(problems, p => p!.Contains("Payments:Providers:vnpay: HashSecret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.Contains("Payments:Sandbox", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p!.Contains("ngan", StringComparison.Ordinal));
        options.DefaultProvider = "momo";
        Assert.Contains(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)), r => r.ErrorMessage!.Contains("momo", StringComparison.Ordinal));
    }
}
