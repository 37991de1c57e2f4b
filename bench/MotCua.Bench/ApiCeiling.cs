using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The honest ceilings of the submit, track and history scenarios: in the bare Kestrel app, only what each endpoint
/// must do, through Npgsql with prepared statements, against the same database and the same rows.
/// <list type="bullet">
/// <item>track: the point lookup by code (the columns MotCua reads, the unit's name joined), written as JSON.</item>
/// <item>history: the application row and its events in one round trip, every column written as JSON.</item>
/// <item>submit: parse the same 1 KB body, take the next code of the unit and day (the same upsert, committed
/// without waiting for the disk as MotCua does), then in one transaction: the application with the form as sent, its
/// submit event, the Idempotency-Key, and the outbox message with the deliveries MotCua gave a submission in its own
/// window (written as delivered, so no worker picks them up); answer 201 with the code.</item>
/// </list>
/// </summary>
internal sealed class ApiCeiling : IAsyncDisposable
{
    public const string DatabaseVariable = "MOTCUA_BENCH_API_DB";

    /// <summary>"unitId;consumer,consumer": the ward the submissions go to, and the consumers of a submission's message.</summary>
    public const string SubmitVariable = "MOTCUA_BENCH_API_SUBMIT";

    private static readonly Guid Applicant = Guid.Parse("01a20f5c-fa99-7fb8-9f35-9a6e40e0e32f");

    private const string Track = """
        SELECT a."Code", a."ProcedureName", u."Name", a."Status", a."ReceivedAt", a."DueAt", a."ApologyNewDueAt"
        FROM applications a JOIN units u ON u."Id" = a."UnitId" WHERE a."Code" = $1
        """;

    private const string HistoryApplication = """SELECT * FROM applications WHERE "Code" = $1""";

    private const string HistoryEvents = """
        SELECT e.* FROM application_events e WHERE e."ApplicationId" = (SELECT "Id" FROM applications WHERE "Code" = $1) ORDER BY e."Sequence"
        """;

    private const string NextCode = """
        INSERT INTO application_sequences ("UnitId", "Day", "Last") VALUES ($1, $2, 1)
        ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = application_sequences."Last" + 1
        RETURNING "Last"
        """;

    private const string Insert = """
        WITH a AS (
            INSERT INTO applications ("Code", "ProcedureId", "ProcedureCode", "ProcedureName", "UnitId", "UnitPath", "ApplicantId", "ApplicantName", "ApplicantIdentityNumber", "ApplicantPhone", "ApplicantEmail", "ApplicantAddress", "CreatedById", "Channel", "Status", "FormJson", "CurrentStep", "CurrentRole", "CurrentUnitPath", "CreatedAt", "SubmittedAt", "ReceivedAt", "DueAt", "FinishedAt", "ReturnedAt", "Timeliness", "ReturnMethod", "MissingDocuments", "Consent", "SupplementCount", "PausedAt", "ResumeStatus", "Reason", "LegalBasis", "ApologyNewDueAt", "ApologyReason", "Version", "TimeLimitUnit", "TimeLimitValue", "Steps", "SupplementItems")
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'Nguyễn Văn An', '001090000001', '0912000001', 'citizen1@demo.anbinh.gov.vn', 'Số 12 đường Trần Phú, phường An Phú, tỉnh An Bình', NULL, 'OnlineRemote', 'Submitted', $8, NULL, NULL, NULL, $9, $9, NULL, NULL, NULL, NULL, NULL, NULL, true, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 1, $10, $11, $12, '[]')
            RETURNING "Id"),
        e AS (
            INSERT INTO application_events ("ApplicationId", "Sequence", "Action", "FromStatus", "ToStatus", "ActorId", "ActorName", "ActorRole", "UnitId", "At", "Note", "InternalNote", "StepIndex")
            SELECT a."Id", 1, 'submit', 'Draft', 'Submitted', $7, 'Nguyễn Văn An', 'Applicant', $5, $9, NULL, NULL, NULL FROM a),
        k AS (
            INSERT INTO submission_keys ("CallerId", "Key", "ApplicationId", "CreatedAt") SELECT $7, $13, a."Id", $9 FROM a),
        m AS (
            INSERT INTO outbox_messages ("Type", "Payload", "CreatedAt") VALUES ($14, $15, $9) RETURNING "Id")
        INSERT INTO outbox_deliveries ("MessageId", "Consumer", "State", "Attempts", "NextAttemptAt", "CreatedAt")
        SELECT m."Id", d, 'Delivered', 1, $9, $9 FROM m, unnest($16::text[]) AS d
        """;

    private readonly NpgsqlDataSource _db;
    private readonly int _unitId;
    private readonly string[] _consumers;
    private (string Code, string Path, int ProcedureId, string ProcedureName, string LimitUnit, decimal LimitValue, string Steps)? _ward;

    public ApiCeiling(string connectionString, string submit)
    {
        _db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString);
        var parts = submit.Split(';', 2);
        _unitId = parts[0].Length > 0 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
        _consumers = parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    public async Task TrackAsync(HttpContext http, string code)
    {
        await using var command = _db.CreateCommand(Track);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        await using var r = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await r.ReadAsync(http.RequestAborted))
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("code", r.GetString(0));
        json.WriteString("procedureName", r.GetString(1));
        json.WriteString("unitName", r.GetString(2));
        json.WriteString("status", r.GetString(3));
        WriteTime(json, "receivedAt", r, 4);
        WriteTime(json, "dueAt", r, r.IsDBNull(6) ? 5 : 6);
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    public async Task HistoryAsync(HttpContext http, string code)
    {
        await using var batch = _db.CreateBatch();
        foreach (var sql in new[] { HistoryApplication, HistoryEvents })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
            batch.BatchCommands.Add(command);
        }

        await using var r = await batch.ExecuteReaderAsync(http.RequestAborted);
        if (!await r.ReadAsync(http.RequestAborted))
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        WriteRow(json, r);
        await r.NextResultAsync(http.RequestAborted);
        json.WriteStartArray("history");
        while (await r.ReadAsync(http.RequestAborted))
        {
            json.WriteStartObject();
            WriteRow(json, r);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    public async Task SubmitAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("procedureCode", out var procedure) || procedure.GetString() != "2.000986"
            || !root.TryGetProperty("unitId", out var unit) || unit.GetInt32() != _unitId || !root.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object
            || http.Request.Headers["Idempotency-Key"].ToString() is not { Length: > 0 and <= 100 } key)
        {
            http.Response.StatusCode = 400;
            return;
        }

        var ward = _ward ??= await WardAsync(ct);
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now.AddHours(7));
        await using var c = await _db.OpenConnectionAsync(ct);
        int number;
        await using (var next = new NpgsqlBatch(c))
        {
            next.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            next.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            var upsert = new NpgsqlBatchCommand(NextCode);
            upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _unitId });
            upsert.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
            next.BatchCommands.Add(upsert);
            next.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            number = (int)(await next.ExecuteScalarAsync(ct))!;
        }

        var code = $"{ward.Code}-{day:yyMMdd}-{number:0000}";
        var at = new DateTimeOffset(now).ToOffset(TimeSpan.FromHours(7));
        var message = JsonSerializer.Serialize(new ApplicationEventMessage(1, code, "2.000986", ward.ProcedureName, _unitId, Applicant, 1, "submit",
            ApplicationStatus.Draft, ApplicationStatus.Submitted, 1, 2, at, null, null, null, null), OutboxJson.Options);
        await using (var insert = new NpgsqlBatch(c))
        {
            insert.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            var row = new NpgsqlBatchCommand(Insert);
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ward.ProcedureId });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "2.000986" });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ward.ProcedureName });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _unitId });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ward.Path });
            row.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Applicant });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = form.GetRawText() });
            row.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ward.LimitUnit });
            row.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = ward.LimitValue });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ward.Steps, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ApplicationEventMessage.Type });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message });
            row.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = _consumers });
            insert.BatchCommands.Add(row);
            insert.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await insert.ExecuteNonQueryAsync(ct);
        }

        http.Response.StatusCode = 201;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("status", "Submitted");
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>The ward's code and path and the procedure's facts, read once (MotCua keeps them in its catalog copy).</summary>
    private async Task<(string, string, int, string, string, decimal, string)> WardAsync(CancellationToken ct)
    {
        await using var command = _db.CreateCommand("""
            SELECT u."Code", u."Path", p."Id", p."Name", p."ProcessingUnit", p."ProcessingValue"
            FROM units u, procedures p WHERE u."Id" = $1 AND p."Code" = '2.000986'
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _unitId });
        await using var r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            throw new InvalidOperationException("The ward or procedure 2.000986 is missing.");
        }

        return (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetDecimal(5), PgbenchScripts.Steps(_unitId, r.GetString(1)));
    }

    private static void WriteTime(Utf8JsonWriter json, string name, NpgsqlDataReader r, int i)
    {
        if (r.IsDBNull(i))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, new DateTimeOffset(r.GetDateTime(i), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(7)));
        }
    }

    private static void WriteRow(Utf8JsonWriter json, NpgsqlDataReader r)
    {
        for (var i = 0; i < r.FieldCount; i++)
        {
            var name = r.GetName(i);
            if (r.IsDBNull(i))
            {
                json.WriteNull(name);
                continue;
            }

            switch (r.GetValue(i))
            {
                case string s:
                    json.WriteString(name, s);
                    break;
                case DateTime t:
                    json.WriteString(name, new DateTimeOffset(t, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(7)));
                    break;
                case bool b:
                    json.WriteBoolean(name, b);
                    break;
                case int n:
                    json.WriteNumber(name, n);
                    break;
                case long n:
                    json.WriteNumber(name, n);
                    break;
                case decimal n:
                    json.WriteNumber(name, n);
                    break;
                case double n:
                    json.WriteNumber(name, n);
                    break;
                default:
                    json.WriteString(name, Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
