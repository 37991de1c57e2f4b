using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Gateways.VnPay;

/// <summary>
/// A VNPay 2.1.0 merchant account: the real VNPay, or the built-in sandbox (a separate gateway that speaks the same
/// protocol at its own address with its own secret). The code is the same for both; only the options differ.
/// </summary>
public sealed class VnPayGateway(string name, VnPayProviderOptions options, Uri publicBase, IHttpClientFactory http) : IPaymentGateway
{
    /// <summary>The client MotCua calls gateways' APIs with (querydr).</summary>
    public const string ApiClient = "payments-gateway-api";

    /// <summary>querydr: the order is not known to the gateway.</summary>
    public const string NotFound = "91";

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

    public async Task<GatewayStatus?> QueryAsync(PaymentOrder order, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrWhiteSpace(options.QueryUrl))
        {
            return null;
        }

        var request = new Dictionary<string, string?>
        {
            ["vnp_RequestId"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["vnp_Version"] = VnPayProtocol.Version,
            ["vnp_Command"] = "querydr",
            ["vnp_TmnCode"] = Merchant,
            ["vnp_TxnRef"] = order.OrderRef,
            ["vnp_TransactionDate"] = VnPayProtocol.Time(order.CreatedAt),
            ["vnp_CreateDate"] = VnPayProtocol.Time(now),
            ["vnp_IpAddr"] = order.PayerIp,
            ["vnp_OrderInfo"] = $"Truy van giao dich {order.OrderRef}",
        };
        request[VnPayProtocol.HashField] = VnPayProtocol.SignPiped(VnPayProtocol.QueryRequestSigned.Select(request.GetValueOrDefault), options.HashSecret!);
        Dictionary<string, string?>? answer;
        try
        {
            using var response = await http.CreateClient(ApiClient).PostAsJsonAsync(Address(options.QueryUrl), request, cancellationToken);
            answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Dictionary<string, string?>>(cancellationToken) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }

        if (answer is null || !VnPayProtocol.IsPipeSigned(answer, VnPayProtocol.QueryAnswerSigned, options.HashSecret!)
            || answer.GetValueOrDefault("vnp_TmnCode") != Merchant)
        {
            return null;
        }

        var code = answer.GetValueOrDefault("vnp_ResponseCode");
        if (code == NotFound)
        {
            return new GatewayStatus(Known: false, Paid: false, Failed: false, null, null, null, code);
        }

        if (code != VnPayProtocol.Success || answer.GetValueOrDefault("vnp_TxnRef") != order.OrderRef)
        {
            return null;
        }

        var status = answer.GetValueOrDefault("vnp_TransactionStatus");
        return new GatewayStatus(Known: true, Paid: status == VnPayProtocol.Success, Failed: status is "02",
            VnPayProtocol.Dong(answer.GetValueOrDefault("vnp_Amount")), answer.GetValueOrDefault("vnp_TransactionNo"),
            answer.GetValueOrDefault("vnp_BankCode"), status);
    }

    public async Task<IReadOnlyList<GatewayTransaction>?> TransactionsAsync(LocalDate day, IReadOnlyCollection<PaymentOrder> known, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (!string.IsNullOrWhiteSpace(options.StatementUrl))
        {
            return await StatementAsync(day, now, cancellationToken);
        }

        // VNPay's public API has no statement: each order MotCua knows is asked about; the gateway's own extra orders
        // (none MotCua made) cannot be seen this way.
        var transactions = new List<GatewayTransaction>();
        foreach (var order in known)
        {
            if (await QueryAsync(order, now, cancellationToken) is not { } status)
            {
                return null;
            }

            if (status.Known)
            {
                transactions.Add(new GatewayTransaction(order.OrderRef, status.Amount, status.Paid, status.Failed, status.TransactionNo, null));
            }
        }

        return transactions;
    }

    private async Task<IReadOnlyList<GatewayTransaction>?> StatementAsync(LocalDate day, Instant now, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string?>
        {
            ["vnp_RequestId"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["vnp_Version"] = VnPayProtocol.Version,
            ["vnp_Command"] = VnPayStatement.Command,
            ["vnp_TmnCode"] = Merchant,
            ["vnp_Date"] = VnPayStatement.Day(day),
            ["vnp_CreateDate"] = VnPayProtocol.Time(now),
            ["vnp_IpAddr"] = "127.0.0.1",
        };
        request[VnPayProtocol.HashField] = VnPayProtocol.SignPiped(VnPayStatement.RequestSigned.Select(request.GetValueOrDefault), options.HashSecret!);
        Dictionary<string, string?>? answer;
        try
        {
            using var response = await http.CreateClient(ApiClient).PostAsJsonAsync(Address(options.StatementUrl!), request, cancellationToken);
            answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Dictionary<string, string?>>(cancellationToken) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }

        if (answer is null || !VnPayProtocol.IsPipeSigned(answer, VnPayStatement.AnswerSigned, options.HashSecret!)
            || answer.GetValueOrDefault("vnp_TmnCode") != Merchant || answer.GetValueOrDefault("vnp_Date") != VnPayStatement.Day(day)
            || answer.GetValueOrDefault("vnp_ResponseCode") != VnPayProtocol.Success)
        {
            return null;
        }

        return VnPayStatement.Decode(answer.GetValueOrDefault("vnp_Transactions"))
            .Select(l => new GatewayTransaction(l.TxnRef, VnPayProtocol.Dong(l.Amount), l.TransactionStatus == VnPayProtocol.Success, l.TransactionStatus == "02",
                l.TransactionNo is { Length: > 0 } and not "0" ? l.TransactionNo : null, VnPayProtocol.ReadTime(l.PayDate)))
            .ToList();
    }

    private Uri Address(string configured) => Common.Web.PortalOptions.Address(publicBase, configured);
}
