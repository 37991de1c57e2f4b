using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Gateways.VnPay;

/// <summary>
/// VNPay 2.1.0 as both ends speak it (../shared/reference/legal.md, "Online payment"): every vnp_* field but the hash,
/// sorted by name and URL-encoded, signed with HMAC-SHA512 under the merchant's hash secret; amounts in đồng × 100;
/// times as yyyyMMddHHmmss in Vietnam's time (GMT+7).
/// </summary>
public static class VnPayProtocol
{
    public const string Version = "2.1.0";
    public const string HashField = "vnp_SecureHash";
    public const string HashTypeField = "vnp_SecureHashType";

    /// <summary>The gateway's "paid" code, for vnp_ResponseCode and vnp_TransactionStatus alike.</summary>
    public const string Success = "00";

    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The text that is signed: the fields sorted by name (ordinal), empty ones left out, as name=value&amp;…</summary>
    public static string SignedText(IEnumerable<KeyValuePair<string, string?>> fields) =>
        string.Join('&', fields
            .Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal) && f.Key is not (HashField or HashTypeField) && !string.IsNullOrEmpty(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

    /// <summary>HMAC-SHA512 of <see cref="SignedText"/>, lower-case hex.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string?>> fields, string hashSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashSecret);
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(hashSecret), Encoding.UTF8.GetBytes(SignedText(fields)));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether the fields carry the signature the secret gives them (compared in constant time).</summary>
    public static bool IsSigned(IReadOnlyCollection<KeyValuePair<string, string?>> fields, string hashSecret)
    {
        var given = fields.FirstOrDefault(f => f.Key == HashField).Value;
        if (string.IsNullOrEmpty(given) || given.Length != 128)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(fields, hashSecret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    /// <summary>The signed query string (without "?"), ready to append to the gateway's or the merchant's address.</summary>
    public static string SignedQuery(IEnumerable<KeyValuePair<string, string?>> fields, string hashSecret)
    {
        var list = fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToList();
        return $"{SignedText(list)}&{HashField}={Sign(list, hashSecret)}";
    }

    /// <summary>Đồng as the gateway writes them (× 100).</summary>
    public static string Amount(long dong) => (dong * 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>The gateway's amount back in đồng; null when it is not a whole number of đồng.</summary>
    public static long? Dong(string? amount) =>
        long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value % 100 == 0 ? value / 100 : null;

    public static string Time(Instant instant) =>
        instant.InZone(Vietnam).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static Instant? ReadTime(string? text) =>
        text is not null && DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? LocalDateTime.FromDateTime(local).InZoneLeniently(Vietnam).ToInstant()
            : null;

    /// <summary>
    /// The querydr request's and answer's signature: HMAC-SHA512 of the listed fields' values joined by "|", in the
    /// protocol's order (not sorted, not encoded).
    /// </summary>
    public static string SignPiped(IEnumerable<string?> values, string hashSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashSecret);
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(hashSecret), Encoding.UTF8.GetBytes(string.Join('|', values.Select(v => v ?? string.Empty))));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>The querydr request's fields, in the order its signature joins them.</summary>
    public static readonly string[] QueryRequestSigned =
        ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];

    /// <summary>The querydr answer's fields, in the order its signature joins them.</summary>
    public static readonly string[] QueryAnswerSigned =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
        "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount",
    ];

    /// <summary>Whether a querydr message (request or answer) carries the signature the secret gives its listed fields.</summary>
    public static bool IsPipeSigned(IReadOnlyDictionary<string, string?> message, IEnumerable<string> signed, string hashSecret)
    {
        var given = message.GetValueOrDefault(HashField);
        if (string.IsNullOrEmpty(given) || given.Length != 128)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(SignPiped(signed.Select(message.GetValueOrDefault), hashSecret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    /// <summary>The fields of a query, the repeated ones read once (the first).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Fields(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query) =>
        query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.Count > 0 ? q.Value[0] : null)).ToList();
}
