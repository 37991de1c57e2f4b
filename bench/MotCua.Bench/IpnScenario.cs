using System.Globalization;
using System.Text;
using System.Text.Json;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The ipn scenario's data and checks: pending VNPay payments of applications awaiting payment, spread over every unit
/// that has open files (each unit with its own collecting account and receipt counter, as the app keeps them), the
/// signed success notice the gateway sends for each, and the count afterwards of what was credited.
/// </summary>
internal static class IpnScenario
{
    /// <summary>The provider the bench's MotCua is configured with (Payments:Providers:vnpay) and the payments name.</summary>
    public const string Provider = "vnpay";

    public const string TmnCode = "MOTCUABN";

    /// <summary>The merchant's hash secret: configuration of the bench's MotCua only, never a real one.</summary>
    public const string HashSecret = "BENCHSECRETFORVNPAYIPNLOAD2026XYZ";

    /// <summary>Order references of the seeded payments: this prefix and the payment's index (8 digits).</summary>
    public const string RefPrefix = "BENCH";

    /// <summary>Payments MotCua's window may use per second of warm-up and measurement (it stops if it runs out).</summary>
    public const int AppPerSecond = 2500;

    /// <summary>Payments the ceiling's window may use per second of warm-up and measurement.</summary>
    public const int CeilingPerSecond = 6000;

    public const int Concurrency = 16;

    public const int Replays = 500;

    /// <summary>The seeded payments: index i has application FirstApplicationId + i; [0, AppCount) for MotCua, the rest for the ceiling.</summary>
    public sealed record Pool(long FirstApplicationId, int AppCount, int CeilingCount, int Units);

    /// <summary>What the database says after a window: of the payments [from, from + sent), and of the whole range.</summary>
    public sealed record Check(long Sent, long Confirmed, long Paid, long PaidNotSent, long ConfirmEvents, long AppsConfirmedTwice, long Receipts, long PaymentMessages)
    {
        /// <summary>Credits beyond one per "00" answer: payments or applications marked paid more often than confirmed.</summary>
        public long DoubleCredits => Math.Max(0, Paid - Confirmed) + Math.Max(0, ConfirmEvents - Confirmed) + AppsConfirmedTwice + PaidNotSent
            + Math.Max(0, PaymentMessages - Confirmed);

        public bool Passed => Sent > 0 && Confirmed == Sent && Paid == Confirmed && ConfirmEvents == Confirmed && DoubleCredits == 0;

        public override string ToString() =>
            $"{Sent:N0} notices sent, {Confirmed:N0} answered 00, {Paid:N0} payments paid, {ConfirmEvents:N0} payment-confirmed events, {Receipts:N0} receipts numbered, {PaymentMessages:N0} payment messages; {DoubleCredits} double credits";
    }

    /// <summary>The amount of payment i in đồng (20,000 to 215,000), as seeded and as the gateway reports it.</summary>
    public static long Amount(long i) => 20_000 + (i % 40 * 5_000);

    public static string OrderRef(long i) => RefPrefix + i.ToString("00000000", CultureInfo.InvariantCulture);

    /// <summary>The gateway's signed success notice for payment i, as the query string of GET …/vnpay/ipn.</summary>
    public static string Notice(long i)
    {
        var transaction = (14_000_000 + i).ToString(CultureInfo.InvariantCulture);
        KeyValuePair<string, string?>[] fields =
        [
            new("vnp_Amount", VnPayProtocol.Amount(Amount(i))),
            new("vnp_BankCode", "NCB"),
            new("vnp_BankTranNo", "VNP" + transaction),
            new("vnp_CardType", "ATM"),
            new("vnp_OrderInfo", "Thanh toan le phi ho so " + OrderRef(i)),
            new("vnp_PayDate", VnPayProtocol.Time(NodaTime.SystemClock.Instance.GetCurrentInstant())),
            new("vnp_ResponseCode", VnPayProtocol.Success),
            new("vnp_TmnCode", TmnCode),
            new("vnp_TransactionNo", transaction),
            new("vnp_TransactionStatus", VnPayProtocol.Success),
            new("vnp_TxnRef", OrderRef(i)),
        ];
        return VnPayProtocol.SignedQuery(fields, HashSecret);
    }

    /// <summary>The notice's answer code ("00", "02" …), or null when the body is not the protocol's answer.</summary>
    public static string? AnswerCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("RspCode", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Seeds the pool by SQL on the server: for each unit with an application in progress, that application is the
    /// template of new ones awaiting payment (its columns, its history, then the request-payment event at its current
    /// step), with a fee and its line, the unit's collecting account (declared now where the demo did not), and one
    /// pending online payment each through the bench's VNPay merchant, as POST …/payments leaves it.
    /// </summary>
    public static async Task<Pool> SeedAsync(NpgsqlDataSource db, int appCount, int ceilingCount, string anPhuCode, CancellationToken ct)
    {
        var total = appCount + ceilingCount;
        await using var c = await db.OpenConnectionAsync(ct);

        async Task<object?> Scalar(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
            return await cmd.ExecuteScalarAsync(ct);
        }

        async Task Run(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }

        async Task<List<string>> Columns(string table)
        {
            var columns = new List<string>();
            await using var cmd = new NpgsqlCommand("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = @t AND is_generated = 'NEVER' ORDER BY ordinal_position
                """, c);
            cmd.Parameters.AddWithValue("t", table);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                columns.Add(r.GetString(0));
            }

            return columns;
        }

        // Every column as the template has it, but for those overridden.
        static (string Into, string Select) Clone(List<string> columns, string alias, IReadOnlyDictionary<string, string> overrides) =>
            (string.Join(", ", columns.Select(k => $"\"{k}\"")), string.Join(", ", columns.Select(k => overrides.TryGetValue(k, out var e) ? e : $"{alias}.\"{k}\"")));

        var anPhuAccount = await Scalar($"""SELECT a."UnitId" FROM payment_collecting_accounts a JOIN units u ON u."Id" = a."UnitId" WHERE u."Code" = '{anPhuCode}'""")
            ?? throw new BenchException("the demo ward has no collecting account: MotCua's demo seed should declare it under Payments:DefaultProvider.");

        await Run("""
            DROP TABLE IF EXISTS ipn_templates;
            CREATE TEMP TABLE ipn_templates AS
            SELECT (row_number() OVER (ORDER BY t."UnitId") - 1)::int AS k, t."Id" AS template_id, t."UnitId" AS unit_id, t."CurrentStep" AS step,
                   t."CurrentRole" AS role, (SELECT max(e."Sequence") FROM application_events e WHERE e."ApplicationId" = t."Id") AS last_sequence
            FROM (SELECT DISTINCT ON ("UnitId") "Id", "UnitId", "CurrentStep", "CurrentRole" FROM applications
                  WHERE "Status" = 'InProgress' AND "CurrentStep" IS NOT NULL AND "ReceivedAt" IS NOT NULL AND "DueAt" IS NOT NULL
                  ORDER BY "UnitId", "Id" DESC) t;
            """);
        var units = Convert.ToInt32(await Scalar("SELECT count(*) FROM ipn_templates"), CultureInfo.InvariantCulture);
        if (units == 0)
        {
            throw new BenchException("no application in progress to model the payments' applications on.");
        }

        var first = Convert.ToInt64(await Scalar("""SELECT COALESCE(MAX("Id"), 0) + 1 FROM applications"""), CultureInfo.InvariantCulture);
        var amount = "(20000 + (g % 40) * 5000)";
        var fee = $"jsonb_build_array(jsonb_build_object('Name', 'Lệ phí giải quyết thủ tục hành chính', 'Kind', 'Duty', 'Amount', {amount}))";
        var from = $"generate_series(0, {total - 1}) AS g JOIN ipn_templates t ON t.k = g % {units}";

        var (appInto, appSelect) = Clone(await Columns("applications"), "a", new Dictionary<string, string>
        {
            ["Id"] = $"{first} + g",
            ["Code"] = $"split_part(a.\"Code\", '-', 1) || '-P' || lpad(g::text, 7, '0')",
            ["Status"] = "'AwaitingPayment'",
            ["PausedAt"] = "now() - interval '2 hours'",
            ["ResumeStatus"] = "'InProgress'",
            ["AmountDue"] = amount,
            ["FeeItems"] = fee,
            ["FeePaidAt"] = "NULL",
            ["FeesDueAtSubmission"] = "false",
            ["Version"] = "a.\"Version\" + 1",
        });
        await Run($"""INSERT INTO applications ({appInto}) SELECT {appSelect} FROM {from} JOIN applications a ON a."Id" = t.template_id""");
        await Run("""SELECT setval(pg_get_serial_sequence('applications', 'Id'), (SELECT MAX("Id") FROM applications))""");

        var (eventInto, eventSelect) = Clone((await Columns("application_events")).Where(k => k != "Id").ToList(), "e", new Dictionary<string, string>
        {
            ["ApplicationId"] = $"{first} + g",
        });
        await Run($"""INSERT INTO application_events ({eventInto}) SELECT {eventSelect} FROM {from} JOIN application_events e ON e."ApplicationId" = t.template_id""");
        await Run($"""
            INSERT INTO application_events ("ApplicationId", "Sequence", "Action", "FromStatus", "ToStatus", "ActorId", "ActorName", "ActorRole", "UnitId", "At", "Note", "InternalNote", "StepIndex")
            SELECT {first} + g, t.last_sequence + 1, 'request-payment', 'InProgress', 'AwaitingPayment', NULL, 'Lãnh đạo đơn vị', COALESCE(t.role, 'Leader'), t.unit_id,
                   now() - interval '2 hours', 'Đề nghị nộp phí, lệ phí', NULL, t.step
            FROM {from}
            """);

        // The units without an account get one as an admin would declare it (the demo ward's as the model).
        var accountColumns = await Columns("payment_collecting_accounts");
        var (accountInto, accountSelect) = Clone(accountColumns, "m", new Dictionary<string, string>
        {
            ["UnitId"] = "t.unit_id",
            ["AccountNumber"] = "'3712' || lpad(t.unit_id::text, 9, '0')",
            ["AccountHolder"] = "left(u.\"Name\", 200)",
            ["Provider"] = $"'{Provider}'",
        }.Where(o => accountColumns.Contains(o.Key)).ToDictionary());
        await Run($"""
            INSERT INTO payment_collecting_accounts ({accountInto})
            SELECT {accountSelect} FROM ipn_templates t JOIN units u ON u."Id" = t.unit_id CROSS JOIN payment_collecting_accounts m
            WHERE m."UnitId" = {anPhuAccount} AND NOT EXISTS (SELECT 1 FROM payment_collecting_accounts x WHERE x."UnitId" = t.unit_id)
            """);

        await Run($"""
            INSERT INTO payments ("Id", "OrderRef", "ApplicationId", "ApplicationCode", "UnitId", "Amount", "Items", "Provider", "Description", "PayerUserId",
              "Status", "CreatedAt", "ExpiresAt", "Method", "AccountBank", "AccountNumber", "AccountHolder", "Version")
            SELECT gen_random_uuid(), '{RefPrefix}' || lpad(g::text, 8, '0'), a."Id", a."Code", a."UnitId", {amount}, {fee}, '{Provider}',
                   'Thanh toan le phi ho so ' || a."Code", a."ApplicantId", 'Pending', now() - interval '1 minute', now() + interval '14 minutes', 'Online',
                   ca."BankName", ca."AccountNumber", ca."AccountHolder", gen_random_uuid()
            FROM generate_series(0, {total - 1}) AS g JOIN applications a ON a."Id" = {first} + g JOIN payment_collecting_accounts ca ON ca."UnitId" = a."UnitId"
            """);
        var payments = Convert.ToInt64(await Scalar($"""SELECT count(*) FROM payments WHERE "OrderRef" LIKE '{RefPrefix}%'"""), CultureInfo.InvariantCulture);
        if (payments != total)
        {
            throw new BenchException($"seeded {payments} pending payments, wanted {total}.");
        }

        await Run("VACUUM (ANALYZE) applications, application_events, payments, payment_collecting_accounts");
        return new Pool(first, appCount, ceilingCount, units);
    }

    /// <summary>
    /// Counts, in the database, what the notices to payments [start, start + sent) of the pool did, nothing beyond them,
    /// and the payment messages written to the outbox since message <paramref name="outboxAfter"/>.
    /// </summary>
    public static async Task<Check> CheckAsync(NpgsqlDataSource db, Pool pool, int start, int count, long sent, long confirmed, long outboxAfter, CancellationToken ct)
    {
        var (a0, a1) = (pool.FirstApplicationId + start, pool.FirstApplicationId + start + count - 1);
        await using var cmd = db.CreateCommand($"""
            SELECT
              (SELECT count(*) FROM payments p WHERE p."ApplicationId" BETWEEN {a0} AND {a1} AND p."Status" = 'Paid'),
              (SELECT count(*) FROM payments p WHERE p."ApplicationId" BETWEEN {a0 + sent} AND {a1} AND p."Status" <> 'Pending'),
              (SELECT count(*) FROM application_events e WHERE e."ApplicationId" BETWEEN {a0} AND {a1} AND e."Action" = 'payment-confirmed'),
              (SELECT count(*) FROM (SELECT e."ApplicationId" FROM application_events e WHERE e."ApplicationId" BETWEEN {a0} AND {a1} AND e."Action" = 'payment-confirmed'
                                     GROUP BY e."ApplicationId" HAVING count(*) > 1) twice),
              (SELECT count(*) FROM payments p WHERE p."ApplicationId" BETWEEN {a0} AND {a1} AND p."ReceiptNumber" IS NOT NULL),
              (SELECT count(*) FROM outbox_messages m WHERE m."Type" = 'payment.event.v1' AND m."Id" > {outboxAfter})
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new Check(sent, confirmed, r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
    }

    /// <summary>
    /// The outbox rows MotCua wrote per confirmed notice since message <paramref name="after"/>: each message type and the
    /// consumers it got a delivery for, as "type=consumer,consumer;type=…" for the ceiling, which writes the same.
    /// </summary>
    public static async Task<(string Spec, double MessagesPerNotice)> OutboxSpecAsync(NpgsqlDataSource db, long after, long confirmed, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT m."Type", count(DISTINCT m."Id"), COALESCE(string_agg(DISTINCT d."Consumer", ','), '')
            FROM outbox_messages m LEFT JOIN outbox_deliveries d ON d."MessageId" = m."Id"
            WHERE m."Id" > {after} GROUP BY m."Type" ORDER BY m."Type"
            """);
        var parts = new List<string>();
        long messages = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            parts.Add($"{r.GetString(0)}={r.GetString(2)}");
            messages += r.GetInt64(1);
        }

        return (string.Join(';', parts), confirmed == 0 ? 0 : messages / (double)confirmed);
    }

    public static async Task<long> LastOutboxIdAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""SELECT COALESCE(MAX("Id"), 0) FROM outbox_messages""");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The bar's words for the table: what was sent, answered and credited.</summary>
    public static string BarText(Check check, int replays, int replaysAnswered) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"0 errors, 0 double credits: {check.Sent:N0} sent, {check.Confirmed:N0} answered 00, {check.Paid:N0} paid, ")
            .Append(CultureInfo.InvariantCulture, $"{check.ConfirmEvents:N0} payment-confirmed events, {check.DoubleCredits} double; {replaysAnswered}/{replays} replays answered 02 (aim ≥ 40 % of ceiling)")
            .ToString();
}
