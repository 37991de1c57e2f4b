using NodaTime;

namespace MotCua.Web.Modules.Payments.Gateways;

/// <summary>What the payer is sent to the gateway to pay.</summary>
public sealed record PaymentOrder(string OrderRef, long Amount, string OrderInfo, Uri ReturnUrl, string PayerIp, Instant CreatedAt, Instant ExpiresAt);

/// <summary>What a gateway says about an order, its signature checked: on its server-to-server notice or the payer's return.</summary>
public sealed record GatewayNotice(string Merchant, string OrderRef, long? Amount, bool Paid, string? TransactionNo, string? BankCode, string? ResponseCode);

/// <summary>
/// What the gateway says when asked about an order (VNPay's querydr): whether it knows the order and, if so, whether it
/// was paid, failed or is still open; null fields where it does not say.
/// </summary>
public sealed record GatewayStatus(bool Known, bool Paid, bool Failed, long? Amount, string? TransactionNo, string? BankCode, string? ResponseCode);

/// <summary>
/// One transaction as the gateway's own records have it, for reconciliation: paid, failed, or still open (neither).
/// </summary>
public sealed record GatewayTransaction(string OrderRef, long? Amount, bool Paid, bool Failed, string? TransactionNo, Instant? At);

/// <summary>
/// A payment gateway, as MotCua uses it: an address that takes the payer to pay an order, and the reading of its signed
/// answers. Which gateway a payment goes through is data (<see cref="Name"/> on the payment); the gateway itself lives
/// outside (VNPay, or the sandbox that speaks the same protocol).
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The provider's name in configuration and on each payment ("sandbox", "vnpay").</summary>
    string Name { get; }

    /// <summary>The merchant code this gateway knows MotCua by (vnp_TmnCode).</summary>
    string Merchant { get; }

    /// <summary>The signed address the payer is redirected to.</summary>
    Uri PayUrl(PaymentOrder order);

    /// <summary>The gateway's answer from its fields, or null when the signature is not this gateway's.</summary>
    GatewayNotice? Read(IReadOnlyCollection<KeyValuePair<string, string?>> fields);

    /// <summary>Asks the gateway about an order whose notice never came; null when the gateway could not be asked or its answer is not signed.</summary>
    Task<GatewayStatus?> QueryAsync(PaymentOrder order, Instant now, CancellationToken cancellationToken);

    /// <summary>
    /// The gateway's view of the merchant's transactions on a day (Vietnam time), for reconciliation: its statement where
    /// it has one, otherwise its answer to a status query on each of <paramref name="known"/> (the orders MotCua
    /// recorded that day). Null when the gateway could not be asked or an answer was not signed.
    /// </summary>
    Task<IReadOnlyList<GatewayTransaction>?> TransactionsAsync(LocalDate day, IReadOnlyCollection<PaymentOrder> known, Instant now, CancellationToken cancellationToken);
}
