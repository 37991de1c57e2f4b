using System.Data;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using Npgsql;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>Hands out application codes {unit code}-{yyMMdd}-{daily sequence, 4 digits or more} (Circular 03/2025).</summary>
public sealed class ApplicationCodes(MotCuaDbContext db)
{
    public async Task<string> NextAsync(int unitId, string unitCode, Instant now, CancellationToken cancellationToken)
    {
        var day = now.InZone(Access.ApplicationAccess.Vietnam).Date;
        var dayOnly = new DateOnly(day.Year, day.Month, day.Day);
        var next = db.Database.IsNpgsql()
            ? await NextOnPostgresAsync(unitId, dayOnly, cancellationToken)
            : (await db.Database.SqlQuery<int>($"""
                INSERT INTO application_sequences ("UnitId", "Day", "Last") VALUES ({unitId}, {dayOnly}, 1)
                ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = application_sequences."Last" + 1
                RETURNING "Last" AS "Value"
                """).ToListAsync(cancellationToken))[0];
        return $"{unitCode}-{day:yyMMdd}-{next:0000}";
    }

    /// <summary>
    /// The same atomic upsert, committed without waiting for the disk (synchronous_commit off for this transaction only),
    /// in one round trip. Every submission of a unit and day takes this one row's lock until commit; waiting for the WAL
    /// flush there made all submissions of a unit queue behind each other's fsync. It is safe: the application that
    /// carries the number commits later with a synchronous commit, which flushes the WAL up to and including this
    /// increment; if the server fails before that, neither the number nor the application exists, and the number is
    /// handed out again.
    /// </summary>
    private async Task<int> NextOnPostgresAsync(int unitId, DateOnly day, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO application_sequences ("UnitId", "Day", "Last") VALUES ($1, $2, 1)
                ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = application_sequences."Last" + 1
                RETURNING "Last"
                """);
            upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = unitId });
            upsert.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
            batch.BatchCommands.Add(upsert);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            int? next = null;
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
                {
                    next = reader.GetInt32(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            return next ?? throw new DataException("The application sequence returned no number.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
