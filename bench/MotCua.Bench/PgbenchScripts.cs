using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The database ceilings as pgbench custom scripts on the same cluster and the same tables:
/// the SQL a submission must do (insert the application, its event and its outbox row in one transaction), and the
/// tracking page's point lookup by code (the same statement MotCua sends) over random existing codes.
/// </summary>
internal static class PgbenchScripts
{
    private const string Marker = "PGB-";

    public sealed record Scripts(string Submit, string Lookup);

    public static async Task<Scripts> WriteAsync(NpgsqlDataSource db, string folder, SeededData data, CancellationToken ct)
    {
        string procedureName, limitUnit, limitValue;
        int procedureId;
        await using (var cmd = db.CreateCommand("""SELECT "Id", "Name", "ProcessingUnit", "ProcessingValue"::text FROM procedures WHERE "Code" = '2.000986'"""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct))
            {
                throw new BenchException("procedure 2.000986 is missing from the demo catalog.");
            }

            (procedureId, procedureName, limitUnit, limitValue) = (r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3));
        }

        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var form = JsonSerializer.Serialize(BenchRun.SubmitForm, relaxed);
        var path = data.AnPhuPath;
        var steps = Steps(data.AnPhuUnitId, path);
        var applicant = "'01a20f5c-fa99-7fb8-9f35-9a6e40e0e32f'";
        var submit = new StringBuilder();
        submit.AppendLine("BEGIN;");
        submit.AppendLine($"""INSERT INTO applications ("Code", "ProcedureId", "ProcedureCode", "ProcedureName", "UnitId", "UnitPath", "ApplicantId", "ApplicantName", "ApplicantIdentityNumber", "ApplicantPhone", "ApplicantEmail", "ApplicantAddress", "CreatedById", "Channel", "Status", "FormJson", "CurrentStep", "CurrentRole", "CurrentUnitPath", "CreatedAt", "SubmittedAt", "ReceivedAt", "DueAt", "FinishedAt", "ReturnedAt", "Timeliness", "ReturnMethod", "MissingDocuments", "Consent", "SupplementCount", "PausedAt", "ResumeStatus", "Reason", "LegalBasis", "ApologyNewDueAt", "ApologyReason", "Version", "TimeLimitUnit", "TimeLimitValue", "Steps", "SupplementItems") VALUES ('{Marker}' || gen_random_uuid(), {procedureId}, '2.000986', {Quote(procedureName)}, {data.AnPhuUnitId}, {Quote(path)}, {applicant}, 'Nguyễn Văn An', '001090000001', '0912000001', 'citizen1@demo.anbinh.gov.vn', 'Số 12 đường Trần Phú, phường An Phú, tỉnh An Bình', NULL, 'OnlineRemote', 'Submitted', {Quote(form)}, NULL, NULL, NULL, now(), now(), NULL, now() + interval '1 day', NULL, NULL, NULL, NULL, true, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 1, {Quote(limitUnit)}, {limitValue}, {Quote(steps)}, '[]') RETURNING "Id" AS app_id \gset""");
        submit.AppendLine($"""INSERT INTO application_events ("ApplicationId", "Sequence", "Action", "FromStatus", "ToStatus", "ActorId", "ActorName", "ActorRole", "UnitId", "At", "Note", "InternalNote", "StepIndex") VALUES (:app_id, 1, 'submit', 'Draft', 'Submitted', {applicant}, 'Nguyễn Văn An', 'Applicant', {data.AnPhuUnitId}, now(), NULL, NULL, NULL);""");
        submit.AppendLine("""INSERT INTO outbox_messages ("Type", "Payload", "CreatedAt") VALUES ('application.event.v1', jsonb_build_object('code', 'PGB-000.01.00.H99-261125-0001', 'procedureCode', '2.000986', 'status', 'Submitted', 'nationalStatus', 1, 'channel', 2, 'action', 'submit', 'at', now())::text, now()) RETURNING "Id" AS message_id \gset""");
        submit.AppendLine("""INSERT INTO outbox_deliveries ("MessageId", "Consumer", "State", "Attempts", "NextAttemptAt", "CreatedAt") VALUES (:message_id, 'portal-inbox', 'Delivered', 1, now(), now());""");
        submit.AppendLine("COMMIT;");

        // (No "name:value" pairs written as text above: pgbench would read ":value" as one of its variables.)
        // Random existing codes, as the track scenario uses them; the array is a constant of the prepared statement.
        var codes = new List<string>();
        await using (var cmd = db.CreateCommand("""SELECT "Code" FROM applications TABLESAMPLE SYSTEM (1) LIMIT 2000"""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                codes.Add(r.GetString(0));
            }
        }

        var lookup = $"""
            \set i random(1, {codes.Count})
            SELECT a."Code", a."ProcedureName", u."Name" AS "UnitName", a."Status", a."ReceivedAt", a."DueAt", a."ApologyNewDueAt" FROM applications AS a INNER JOIN units AS u ON a."UnitId" = u."Id" WHERE a."Code" = ({Quote("{" + string.Join(',', codes) + "}")}::text[])[:i] LIMIT 2;

            """;
        var submitFile = Path.Combine(folder, "submit.sql");
        var lookupFile = Path.Combine(folder, "lookup.sql");
        await File.WriteAllTextAsync(submitFile, submit.ToString(), ct);
        await File.WriteAllTextAsync(lookupFile, lookup, ct);
        return new Scripts(submitFile, lookupFile);
    }

    /// <summary>The three steps of 2.000986 at the ward, as a new application carries them (JSON).</summary>
    public static string Steps(int unitId, string path) =>
        $$"""[{"Name": "Tiếp nhận, kiểm tra hồ sơ", "Role": "Reception", "DueAt": null, "Share": 0.1, "UnitId": {{unitId}}, "UnitPath": "{{path}}", "StartedAt": null, "CompletedAt": null, "CompletedBy": null}, {"Name": "Công chức tư pháp – hộ tịch đăng ký khai sinh, chuyển liên thông", "Role": "Specialist", "DueAt": null, "Share": 0.6, "UnitId": {{unitId}}, "UnitPath": "{{path}}", "StartedAt": null, "CompletedAt": null, "CompletedBy": null}, {"Name": "Lãnh đạo UBND ký Giấy khai sinh", "Role": "Leader", "DueAt": null, "Share": 0.3, "UnitId": {{unitId}}, "UnitPath": "{{path}}", "StartedAt": null, "CompletedAt": null, "CompletedBy": null}]""";

    /// <summary>Removes what the submit ceiling inserted, so the scenarios' data stays as seeded.</summary>
    public static async Task CleanUpAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            DELETE FROM application_events WHERE "ApplicationId" IN (SELECT "Id" FROM applications WHERE "Code" LIKE '{Marker}%');
            DELETE FROM applications WHERE "Code" LIKE '{Marker}%';
            DELETE FROM outbox_messages WHERE "Payload" LIKE '%"{Marker}%';
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
