using System.Globalization;

namespace MotCua.Web.Modules.Payments.Gateways.VnPay;

/// <summary>
/// The day's statement (command "statement"), which the built-in sandbox gateway answers beside querydr. VNPay's public
/// merchant API has no such call (its statements are files in the merchant portal); a VNPay account without a
/// <see cref="VnPayProviderOptions.StatementUrl"/> is asked order by order with querydr instead. The messages are JSON
/// objects of string fields signed like querydr's: HMAC-SHA512 of the listed fields' values joined by "|".
/// </summary>
public static class VnPayStatement
{
    public const string Command = "statement";

    /// <summary>The statement request's fields, in the order its signature joins them; vnp_Date is the day (yyyyMMdd, GMT+7).</summary>
    public static readonly string[] RequestSigned = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_Date", "vnp_CreateDate", "vnp_IpAddr"];

    /// <summary>The statement answer's fields, in the order its signature joins them.</summary>
    public static readonly string[] AnswerSigned = ["vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_Date", "vnp_Transactions"];

    /// <summary>One transaction of the statement; the amount in đồng × 100 and the time as the protocol writes them.</summary>
    public sealed record Line(string TxnRef, string Amount, string TransactionNo, string TransactionStatus, string PayDate);

    public static string Day(NodaTime.LocalDate day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>vnp_Transactions: each transaction's fields joined by ",", the transactions by ";".</summary>
    public static string Encode(IEnumerable<Line> lines) =>
        string.Join(';', lines.Select(l => string.Join(',', Clean(l.TxnRef), l.Amount, Clean(l.TransactionNo), Clean(l.TransactionStatus), l.PayDate)));

    /// <summary>The transactions of vnp_Transactions; a malformed entry is left out.</summary>
    public static IReadOnlyList<Line> Decode(string? text) =>
        string.IsNullOrEmpty(text) ? []
            : text.Split(';').Select(entry => entry.Split(',')).Where(f => f.Length == 5).Select(f => new Line(f[0], f[1], f[2], f[3], f[4])).ToList();

    private static string Clean(string value) => value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(";", string.Empty, StringComparison.Ordinal);
}
