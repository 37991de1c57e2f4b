using Microsoft.Extensions.Options;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Payments.Gateways;
using MotCua.Web.Modules.Payments.Gateways.VnPay;

namespace MotCua.Web.Modules.Payments;

/// <summary>The registry of enabled gateways, by the name each payment records.</summary>
public sealed class PaymentGateways
{
    private readonly Dictionary<string, VnPayGateway> _byName;

    public PaymentGateways(IOptions<PaymentOptions> options, IOptions<PortalOptions> portal, IHttpClientFactory http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(portal);
        var settings = options.Value;
        _byName = settings.Providers.Where(p => p.Value.Enabled)
            .ToDictionary(p => p.Key, p => new VnPayGateway(p.Key, p.Value, portal.Value.BaseUri, http), StringComparer.Ordinal);
        Default = settings.DefaultProvider is { Length: > 0 } name ? _byName.GetValueOrDefault(name) : null;
    }

    /// <summary>The provider a new unit account is offered first (Payments:DefaultProvider); null: none is preferred.</summary>
    public VnPayGateway? Default { get; }

    /// <summary>Every enabled provider: each unit's account names the one that collects for it.</summary>
    public IReadOnlyCollection<VnPayGateway> All => _byName.Values;

    public VnPayGateway? Named(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The gateways that know MotCua by this merchant code (the notice names it in vnp_TmnCode).</summary>
    public IEnumerable<IPaymentGateway> ForMerchant(string? merchant) => _byName.Values.Where(g => g.Merchant == merchant);
}
