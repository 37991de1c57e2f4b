using Microsoft.Extensions.Options;
using MotCua.Web.Common.Web;

namespace MotCua.Web.Modules.Payments;

/// <summary>The payment pages of the enabled gateways outside the portal: the pay button's redirect goes there.</summary>
internal sealed class GatewayFormTargets(IOptions<PaymentOptions> options) : IFormTargets
{
    public IEnumerable<Uri> Origins => options.Value.Providers.Values
        .Where(p => p.Enabled)
        .Select(p => Uri.TryCreate(p.PayUrl, UriKind.Absolute, out var url) ? url : null)
        .OfType<Uri>()
        .Where(url => url.Scheme is "https" or "http");
}
