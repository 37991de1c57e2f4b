using Microsoft.Extensions.Options;
using MotCua.Web.Modules.Payments;

namespace MotCua.UnitTests.Modules.Payments;

public sealed class GatewayFormTargetsTests
{
    [Fact]
    public void Forms_may_go_on_to_enabled_gateways_outside_the_portal_only()
    {
        var options = new PaymentOptions
        {
            Providers =
            {
                ["vnpay"] = new VnPayProviderOptions { PayUrl = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html" },
                ["sandbox"] = new VnPayProviderOptions { PayUrl = "/sandbox/vnpay/paymentv2/vpcpay.html" },
                ["old"] = new VnPayProviderOptions { Enabled = false, PayUrl = "https://pay.example.vn/pay" },
                ["odd"] = new VnPayProviderOptions { PayUrl = "javascript:alert(1)" },
            },
        };

        var origins = new GatewayFormTargets(Options.Create(options)).Origins.Select(o => o.GetLeftPart(UriPartial.Authority));

        Assert.Equal(["https://sandbox.vnpayment.vn"], origins);
    }
}
