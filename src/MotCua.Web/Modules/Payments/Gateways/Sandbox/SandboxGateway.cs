using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Gateways.Sandbox;

/// <summary>
/// The built-in sandbox gateway, the other end of the VNPay protocol: it checks a merchant's signed payment request with
/// that merchant's own secret, lets the payer approve or decline on its page, then, as VNPay does, sends the signed
/// result to the merchant's IPN address server-to-server over HTTP and sends the payer back to the return address.
/// MotCua's payment code does not know it is talking to a sandbox.
/// </summary>
public sealed class SandboxGateway(
    MotCua.Web.Common.Persistence.MotCuaDbContext db, IOptions<PaymentOptions> options, IOptions<PortalOptions> portal, IHttpClientFactory http, IClock clock, ILogger<SandboxGateway> logger)
{
    public const string NoticeClient = "payments-sandbox-notice";

    /// <summary>The payer cancelled (VNPay's code 24); the transaction is then not successful (02).</summary>
    public const string Cancelled = "24";

    public sealed record Order(SandboxMerchant Merchant, string TxnRef, long Amount, string OrderInfo, Uri ReturnUrl, Instant? ExpiresAt);

    public bool Enabled => options.Value.Sandbox.Enabled;

    /// <summary>The payment request, or what is wrong with it in the words VNPay's page uses.</summary>
    public (Order? Order, string? Problem) Read(IReadOnlyCollection<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string? Field(string name) => fields.FirstOrDefault(f => f.Key == name).Value;
        var merchant = options.Value.Sandbox.Merchants.FirstOrDefault(m => m.TmnCode == Field("vnp_TmnCode"));
        if (merchant is null)
        {
            return (null, "Website này chưa được phê duyệt (mã website không đúng).");
        }

        if (!VnPayProtocol.IsSigned(fields, merchant.HashSecret!))
        {
            return (null, "Sai chữ ký.");
        }

        if (Field("vnp_Version") != VnPayProtocol.Version || Field("vnp_Command") != "pay" || Field("vnp_CurrCode") != "VND")
        {
            return (null, "Yêu cầu không đúng phiên bản, lệnh hoặc loại tiền.");
        }

        var amount = VnPayProtocol.Dong(Field("vnp_Amount"));
        if (amount is not > 0 || string.IsNullOrEmpty(Field("vnp_TxnRef")))
        {
            return (null, "Số tiền hoặc mã đơn hàng không hợp lệ.");
        }

        if (!Uri.TryCreate(Field("vnp_ReturnUrl"), UriKind.Absolute, out var returnUrl) || returnUrl.Scheme is not ("http" or "https"))
        {
            return (null, "Địa chỉ trả về không hợp lệ.");
        }

        var expires = VnPayProtocol.ReadTime(Field("vnp_ExpireDate"));
        if (expires is { } end && clock.GetCurrentInstant() > end)
        {
            return (null, "Giao dịch đã quá thời gian chờ thanh toán.");
        }

        return (new Order(merchant, Field("vnp_TxnRef")!, amount!.Value, Field("vnp_OrderInfo") ?? string.Empty, returnUrl, expires), null);
    }

    /// <summary>
    /// The payer approved or declined: the signed result goes to the merchant's IPN (server to server) and the payer is
    /// sent back to the merchant's return address with the same result.
    /// </summary>
    public async Task<Uri> CompleteAsync(Order order, bool approved, string bank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var now = clock.GetCurrentInstant();
        var transactionNo = approved ? RandomDigits(8) : "0";
        KeyValuePair<string, string?>[] result =
        [
            new("vnp_Amount", VnPayProtocol.Amount(order.Amount)),
            new("vnp_BankCode", bank),
            new("vnp_BankTranNo", approved ? $"VNP{RandomDigits(8)}" : null),
            new("vnp_CardType", approved ? "ATM" : null),
            new("vnp_OrderInfo", order.OrderInfo),
            new("vnp_PayDate", VnPayProtocol.Time(now)),
            new("vnp_ResponseCode", approved ? VnPayProtocol.Success : Cancelled),
            new("vnp_TmnCode", order.Merchant.TmnCode),
            new("vnp_TransactionNo", transactionNo),
            new("vnp_TransactionStatus", approved ? VnPayProtocol.Success : "02"),
            new("vnp_TxnRef", order.TxnRef),
        ];
        // The gateway records the outcome first (its transaction query answers from it), then tells the merchant.
        if (!db.Set<SandboxTransaction>().Any(t => t.TmnCode == order.Merchant.TmnCode && t.TxnRef == order.TxnRef))
        {
            db.Add(new SandboxTransaction(order.Merchant.TmnCode!, order.TxnRef, order.Amount, transactionNo, approved ? VnPayProtocol.Success : Cancelled,
                approved ? VnPayProtocol.Success : "02", bank, order.OrderInfo, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        var query = VnPayProtocol.SignedQuery(result, order.Merchant.HashSecret!);
        await NotifyAsync(order, query, cancellationToken);
        return new Uri($"{order.ReturnUrl.GetLeftPart(UriPartial.Path)}?{query}");
    }

    /// <summary>
    /// The IPN call. A merchant that does not answer is not retried here: its status query (querydr) repairs the
    /// payment, as it must when a real gateway's notice is lost.
    /// </summary>
    private async Task NotifyAsync(Order order, string query, CancellationToken cancellationToken)
    {
        // On Linux "/api/…" parses as an absolute file: URI, so only http(s) counts as an address of its own.
        var ipn = Uri.TryCreate(order.Merchant.IpnUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(portal.Value.BaseUri, order.Merchant.IpnUrl!.TrimStart('/'));
        try
        {
            using var response = await http.CreateClient(NoticeClient).GetAsync(new Uri($"{ipn.GetLeftPart(UriPartial.Path)}?{query}"), cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogInformation("Sandbox notice for {TxnRef}: HTTP {Status} {Answer}", order.TxnRef, (int)response.StatusCode, answer.Length > 200 ? answer[..200] : answer);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "Sandbox notice for {TxnRef} did not reach {Ipn}", order.TxnRef, ipn.GetLeftPart(UriPartial.Path));
        }
    }

    /// <summary>
    /// The transaction query (querydr), as VNPay's merchant API answers it: signed with "|"-joined fields both ways,
    /// "00" with the transaction's state when it knows the order, "91" when it does not, "97" for a bad signature.
    /// </summary>
    public async Task<Dictionary<string, string?>> QueryAsync(IReadOnlyDictionary<string, string?> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var merchant = options.Value.Sandbox.Merchants.FirstOrDefault(m => m.TmnCode == request.GetValueOrDefault("vnp_TmnCode"));
        var answer = new Dictionary<string, string?>
        {
            ["vnp_ResponseId"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["vnp_Command"] = "querydr",
            ["vnp_TmnCode"] = request.GetValueOrDefault("vnp_TmnCode"),
            ["vnp_TxnRef"] = request.GetValueOrDefault("vnp_TxnRef"),
        };
        if (merchant is null || request.GetValueOrDefault("vnp_Command") != "querydr"
            || !VnPayProtocol.IsPipeSigned(request, VnPayProtocol.QueryRequestSigned, merchant.HashSecret!))
        {
            answer["vnp_ResponseCode"] = "97";
            answer["vnp_Message"] = "Invalid Checksum";
            return merchant is null ? answer : Signed(answer, merchant);
        }

        var txnRef = request.GetValueOrDefault("vnp_TxnRef");
        var found = await db.Set<SandboxTransaction>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.TmnCode == merchant.TmnCode && t.TxnRef == txnRef, cancellationToken);
        if (found is null)
        {
            answer["vnp_ResponseCode"] = VnPayGateway.NotFound;
            answer["vnp_Message"] = "Transaction not found";
            return Signed(answer, merchant);
        }

        answer["vnp_ResponseCode"] = VnPayProtocol.Success;
        answer["vnp_Message"] = "QueryDR Success";
        answer["vnp_Amount"] = VnPayProtocol.Amount(found.Amount);
        answer["vnp_BankCode"] = found.BankCode;
        answer["vnp_PayDate"] = VnPayProtocol.Time(found.PayDate);
        answer["vnp_TransactionNo"] = found.TransactionNo;
        answer["vnp_TransactionType"] = "01";
        answer["vnp_TransactionStatus"] = found.TransactionStatus;
        answer["vnp_OrderInfo"] = found.OrderInfo;
        return Signed(answer, merchant);
    }

    /// <summary>
    /// The day's statement (<see cref="VnPayStatement"/>): every transaction the payer finished with this merchant on
    /// that day (Vietnam time), paid or not, signed as querydr's answers are; "97" for a bad signature.
    /// </summary>
    public async Task<Dictionary<string, string?>> StatementAsync(IReadOnlyDictionary<string, string?> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var merchant = options.Value.Sandbox.Merchants.FirstOrDefault(m => m.TmnCode == request.GetValueOrDefault("vnp_TmnCode"));
        var answer = new Dictionary<string, string?>
        {
            ["vnp_ResponseId"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["vnp_Command"] = VnPayStatement.Command,
            ["vnp_TmnCode"] = request.GetValueOrDefault("vnp_TmnCode"),
            ["vnp_Date"] = request.GetValueOrDefault("vnp_Date"),
        };
        var day = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Parse(request.GetValueOrDefault("vnp_Date") ?? string.Empty);
        if (merchant is null || request.GetValueOrDefault("vnp_Command") != VnPayStatement.Command || !day.Success
            || !VnPayProtocol.IsPipeSigned(request, VnPayStatement.RequestSigned, merchant.HashSecret!))
        {
            answer["vnp_ResponseCode"] = "97";
            answer["vnp_Message"] = "Invalid Checksum";
            return merchant is null ? answer : Signed(answer, VnPayStatement.AnswerSigned, merchant);
        }

        var zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
        var (from, to) = (day.Value.AtStartOfDayInZone(zone).ToInstant(), day.Value.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        var found = await db.Set<SandboxTransaction>().AsNoTracking()
            .Where(t => t.TmnCode == merchant.TmnCode && t.PayDate >= from && t.PayDate < to)
            .OrderBy(t => t.PayDate).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        answer["vnp_ResponseCode"] = VnPayProtocol.Success;
        answer["vnp_Message"] = "Statement Success";
        answer["vnp_Transactions"] = VnPayStatement.Encode(found.Select(t =>
            new VnPayStatement.Line(t.TxnRef, VnPayProtocol.Amount(t.Amount), t.TransactionNo, t.TransactionStatus, VnPayProtocol.Time(t.PayDate))));
        return Signed(answer, VnPayStatement.AnswerSigned, merchant);
    }

    private static Dictionary<string, string?> Signed(Dictionary<string, string?> answer, SandboxMerchant merchant) =>
        Signed(answer, VnPayProtocol.QueryAnswerSigned, merchant);

    private static Dictionary<string, string?> Signed(Dictionary<string, string?> answer, string[] signed, SandboxMerchant merchant)
    {
        answer[VnPayProtocol.HashField] = VnPayProtocol.SignPiped(signed.Select(answer.GetValueOrDefault), merchant.HashSecret!);
        return answer;
    }

    private static string RandomDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)));
}
