using System.Buffers;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Payments.Public;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The ipn ceiling: the least a VNPay notice must do, in the bare Kestrel app. Read the query, check the merchant code
/// and the HMAC-SHA512 signature, then one transaction in two round trips through Npgsql (statements prepared):
/// the payment and its application by TxnRef FOR UPDATE (with the history's last sequence); then the payment paid with
/// its receipt number (the unit's counter raised), the application back in progress, its payment-confirmed event, and
/// the outbox messages MotCua writes for a confirmed notice with their deliveries (one message per type, each with
/// the consumers MotCua gave it, written as delivered so no worker picks them up, as the pgbench submit script does),
/// and COMMIT. A repeated notice is answered "02" and changes nothing; a wrong amount "04"; an unknown order "01".
/// </summary>
internal sealed class IpnCeiling : IAsyncDisposable
{
    public const string DatabaseVariable = "MOTCUA_BENCH_IPN_DB";

    /// <summary>"type=consumer,consumer;type=…": the outbox rows per confirmed notice, as MotCua wrote them in its window.</summary>
    public const string OutboxVariable = "MOTCUA_BENCH_IPN_OUTBOX";

    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(IpnScenario.HashSecret);
    private static readonly byte[] Confirmed = Answer("00", "Confirm Success");
    private static readonly byte[] OrderNotFound = Answer("01", "Order not found");
    private static readonly byte[] AlreadyConfirmed = Answer("02", "Order already confirmed");
    private static readonly byte[] InvalidAmount = Answer("04", "Invalid amount");
    private static readonly byte[] InvalidSignature = Answer("97", "Invalid signature");
    private static readonly byte[] Unknown = Answer("99", "Unknown error");

    private const string Select = """
        SELECT p."Id", p."ApplicationId", p."Amount", p."Status", p."UnitId", p."ApplicationCode", p."PayerUserId", a."ProcedureCode", a."ProcedureName",
               (SELECT max(e."Sequence") FROM application_events e WHERE e."ApplicationId" = p."ApplicationId")
        FROM payments p JOIN applications a ON a."Id" = p."ApplicationId"
        WHERE p."OrderRef" = @ref AND p."Provider" = @provider
        FOR UPDATE
        """;

    private const string ResumeApplication = """
        UPDATE applications SET "Status" = COALESCE("ResumeStatus", 'Submitted'), "ResumeStatus" = NULL, "PausedAt" = NULL, "FeePaidAt" = @now, "Version" = "Version" + 1
        WHERE "Id" = @app AND "Status" = 'AwaitingPayment'
        """;

    private const string InsertEvent = """
        INSERT INTO application_events ("ApplicationId", "Sequence", "Action", "FromStatus", "ToStatus", "ActorId", "ActorName", "ActorRole", "UnitId", "At", "Note", "InternalNote", "StepIndex")
        VALUES (@app, @sequence, 'payment-confirmed', 'AwaitingPayment', 'InProgress', NULL, 'VNPay', 'System', @unit, @now, @note, NULL, NULL)
        """;

    private const string InsertMessage = """
        WITH m AS (INSERT INTO outbox_messages ("Type", "Payload", "CreatedAt") VALUES (@type, @payload, @now) RETURNING "Id")
        INSERT INTO outbox_deliveries ("MessageId", "Consumer", "State", "Attempts", "NextAttemptAt", "CreatedAt")
        SELECT m."Id", d, 'Delivered', 1, @now, @now FROM m, unnest(@consumers) AS d
        """;

    // Last before COMMIT: the unit's receipt counter row stays locked for as short a time as the transaction allows.
    private const string PayAndNumber = """
        WITH c AS (INSERT INTO receipt_counters ("UnitId", "Year", "LastNumber") VALUES (@unit, @year, 1)
                   ON CONFLICT ("UnitId", "Year") DO UPDATE SET "LastNumber" = receipt_counters."LastNumber" + 1 RETURNING "LastNumber")
        UPDATE payments SET "Status" = 'Paid', "PaidAt" = @now, "NotifiedAt" = @now, "GatewayTransactionNo" = @transaction, "BankCode" = @bank,
               "ResponseCode" = @code, "Version" = @version, "ReceiptYear" = @year, "ReceiptNumber" = (SELECT "LastNumber" FROM c)
        WHERE "Id" = @id
        """;

    private const string Decline = """
        UPDATE payments SET "Status" = 'Failed', "NotifiedAt" = @now, "GatewayTransactionNo" = @transaction, "BankCode" = @bank, "ResponseCode" = @code, "Version" = @version
        WHERE "Id" = @id
        """;

    private readonly NpgsqlDataSource _db;
    private readonly (string Type, string[] Consumers)[] _outbox;

    public IpnCeiling(string connectionString, string outbox)
    {
        _db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString);
        _outbox = outbox.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (p[0], p.Length > 1 ? p[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>()))
            .ToArray();
    }

    public async Task HandleAsync(HttpContext http)
    {
        var answer = await NoticeAsync(http.Request.Query, http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, http.RequestAborted);
    }

    private async Task<byte[]> NoticeAsync(IQueryCollection query, CancellationToken ct)
    {
        if (!IsSigned(query))
        {
            return InvalidSignature;
        }

        string? Field(string name) => query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        var amount = long.TryParse(Field("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) && hundredths % 100 == 0 ? hundredths / 100 : -1;
        var responseCode = Field("vnp_ResponseCode");
        var paid = responseCode == "00" && Field("vnp_TransactionStatus") == "00";
        var transaction = Field("vnp_TransactionNo");

        await using var c = await _db.OpenConnectionAsync(ct);
        try
        {
            Guid id, payer;
            long applicationId, due;
            int unit, lastSequence;
            string status, code, procedureCode, procedureName;
            await using (var read = new NpgsqlBatch(c))
            {
                read.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                var select = new NpgsqlBatchCommand(Select);
                select.Parameters.AddWithValue("ref", Field("vnp_TxnRef") ?? string.Empty);
                select.Parameters.AddWithValue("provider", IpnScenario.Provider);
                read.BatchCommands.Add(select);
                await using var r = await read.ExecuteReaderAsync(ct);
                if (!await r.ReadAsync(ct))
                {
                    await r.DisposeAsync();
                    await RollbackAsync(c);
                    return OrderNotFound;
                }

                (id, applicationId, due, status, unit, code) = (r.GetGuid(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4), r.GetString(5));
                payer = r.IsDBNull(6) ? Guid.Empty : r.GetGuid(6);
                (procedureCode, procedureName, lastSequence) = (r.GetString(7), r.GetString(8), r.IsDBNull(9) ? 0 : r.GetInt32(9));
            }

            if (status is "Paid" or "Failed" or "Refunded" || amount != due)
            {
                await RollbackAsync(c);
                return amount != due && status is not ("Paid" or "Failed" or "Refunded") ? InvalidAmount : AlreadyConfirmed;
            }

            var now = DateTime.UtcNow;
            await using var write = new NpgsqlBatch(c);
            if (paid)
            {
                var note = $"Đã thanh toán {due.ToString("N0", Vietnamese)} đồng trực tuyến, mã giao dịch {transaction}.";
                var resume = new NpgsqlBatchCommand(ResumeApplication);
                resume.Parameters.AddWithValue("now", now);
                resume.Parameters.AddWithValue("app", applicationId);
                write.BatchCommands.Add(resume);
                var history = new NpgsqlBatchCommand(InsertEvent);
                history.Parameters.AddWithValue("app", applicationId);
                history.Parameters.AddWithValue("sequence", lastSequence + 1);
                history.Parameters.AddWithValue("unit", unit);
                history.Parameters.AddWithValue("now", now);
                history.Parameters.AddWithValue("note", note);
                write.BatchCommands.Add(history);
                var at = new DateTimeOffset(now).ToOffset(TimeSpan.FromHours(7));
                foreach (var (type, consumers) in _outbox)
                {
                    var payload = type switch
                    {
                        PaymentEventMessage.Type => JsonSerializer.Serialize(new PaymentEventMessage(1, id, code, unit, payer == Guid.Empty ? null : payer, PaymentEvents.Paid, due, "Online", IpnScenario.Provider, at, null), OutboxJson.Options),
                        ApplicationEventMessage.Type => JsonSerializer.Serialize(new ApplicationEventMessage(1, code, procedureCode, procedureName, unit, payer == Guid.Empty ? null : payer, lastSequence + 1,
                            "payment-confirmed", ApplicationStatus.AwaitingPayment, ApplicationStatus.InProgress, 2, 1, at, note, null, null, null), OutboxJson.Options),
                        _ => JsonSerializer.Serialize(new { code, action = "payment-confirmed", at }, OutboxJson.Options),
                    };
                    var message = new NpgsqlBatchCommand(InsertMessage);
                    message.Parameters.AddWithValue("type", type);
                    message.Parameters.AddWithValue("payload", payload);
                    message.Parameters.AddWithValue("now", now);
                    message.Parameters.AddWithValue("consumers", consumers);
                    write.BatchCommands.Add(message);
                }
            }

            var payment = new NpgsqlBatchCommand(paid ? PayAndNumber : Decline);
            if (paid)
            {
                payment.Parameters.AddWithValue("unit", unit);
                payment.Parameters.AddWithValue("year", now.AddHours(7).Year);
            }

            payment.Parameters.AddWithValue("now", now);
            payment.Parameters.AddWithValue("transaction", (object?)transaction ?? DBNull.Value);
            payment.Parameters.AddWithValue("bank", (object?)Field("vnp_BankCode") ?? DBNull.Value);
            payment.Parameters.AddWithValue("code", (object?)responseCode ?? DBNull.Value);
            payment.Parameters.AddWithValue("version", Guid.NewGuid());
            payment.Parameters.AddWithValue("id", id);
            write.BatchCommands.Add(payment);
            write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await write.ExecuteNonQueryAsync(ct);
            return Confirmed;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await RollbackAsync(c);
            Console.Error.WriteLine($"ipn ceiling: {e.Message}");
            return Unknown;
        }
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static async Task RollbackAsync(NpgsqlConnection c)
    {
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", c);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken: the pool discards it.
        }
    }

    /// <summary>The merchant code is ours and the fields carry its signature: vnp_* but the hash, sorted, URL-encoded, HMAC-SHA512.</summary>
    private static bool IsSigned(IQueryCollection query)
    {
        if (!query.TryGetValue("vnp_TmnCode", out var merchant) || merchant.Count == 0 || merchant[0] != IpnScenario.TmnCode
            || !query.TryGetValue("vnp_SecureHash", out var given) || given.Count == 0 || given[0] is not { Length: 128 } hash)
        {
            return false;
        }

        var fields = new List<KeyValuePair<string, string>>(query.Count);
        foreach (var (key, values) in query)
        {
            if (key.StartsWith("vnp_", StringComparison.Ordinal) && key is not ("vnp_SecureHash" or "vnp_SecureHashType") && values.Count > 0 && values[0] is { Length: > 0 } value)
            {
                fields.Add(new(key, value));
            }
        }

        fields.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder(512);
        foreach (var (key, value) in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(WebUtility.UrlEncode(key)).Append('=').Append(WebUtility.UrlEncode(value));
        }

        Span<byte> mac = stackalloc byte[64];
        HMACSHA512.HashData(Secret, Encoding.UTF8.GetBytes(text.ToString()), mac);
        Span<byte> expected = stackalloc byte[64];
        return Convert.FromHexString(hash, expected, out _, out var written) == OperationStatus.Done && written == 64
            && CryptographicOperations.FixedTimeEquals(mac, expected);
    }

    private static byte[] Answer(string code, string message) => Encoding.UTF8.GetBytes($$"""{"RspCode":"{{code}}","Message":"{{message}}"}""");

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
