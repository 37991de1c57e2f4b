namespace MotCua.Web.Modules.Payments.Gateways.VnPay;

/// <summary>
/// A VNPay 2.1.0 merchant account: the real VNPay, or the built-in sandbox (a separate gateway that speaks the same
/// protocol at its own address with its own secret). The code is the same for both; only the options differ.
/// </summary>
public sealed class VnPayGateway(string name, VnPayProviderOptions options, Uri publicBase) : IPaymentGateway
{
    public string Name { get; } = name;

    public string Merchant { get; } = options.TmnCode!;

    public string DisplayName => options.DisplayName ?? Name;

    public Uri PayUrl(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        KeyValuePair<string, string?>[] fields =
        [
            new("vnp_Version", VnPayProtocol.Version),
            new("vnp_Command", "pay"),
            new("vnp_TmnCode", Merchant),
            new("vnp_Amount", VnPayProtocol.Amount(order.Amount)),
            new("vnp_CurrCode", "VND"),
            new("vnp_TxnRef", order.OrderRef),
            new("vnp_OrderInfo", order.OrderInfo),
            new("vnp_OrderType", "other"),
            new("vnp_Locale", "vn"),
            new("vnp_ReturnUrl", order.ReturnUrl.AbsoluteUri),
            new("vnp_IpAddr", order.PayerIp),
            new("vnp_CreateDate", VnPayProtocol.Time(order.CreatedAt)),
            new("vnp_ExpireDate", VnPayProtocol.Time(order.ExpiresAt)),
        ];
        return new Uri($"{Address(options.PayUrl!).AbsoluteUri}?{VnPayProtocol.SignedQuery(fields, options.HashSecret!)}");
    }

    public GatewayNotice? Read(IReadOnlyCollection<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string? Field(string name) => fields.FirstOrDefault(f => f.Key == name).Value;
        if (Field("vnp_TmnCode") != Merchant || !VnPayProtocol.IsSigned(fields, options.HashSecret!))
        {
            return null;
        }

        var response = Field("vnp_ResponseCode");
        var paid = response == VnPayProtocol.Success && Field("vnp_TransactionStatus") == VnPayProtocol.Success;
        return new GatewayNotice(Merchant, Field("vnp_TxnRef") ?? string.Empty, VnPayProtocol.Dong(Field("vnp_Amount")), paid,
            Field("vnp_TransactionNo"), Field("vnp_BankCode"), response);
    }

    /// <summary>An address from configuration: absolute, or a path on the portal (the built-in sandbox).</summary>
    private Uri Address(string configured) => Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
        ? absolute
        : new Uri(publicBase, configured.TrimStart('/'));
}
