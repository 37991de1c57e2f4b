using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>Hands out application codes {unit code}-{yyMMdd}-{daily sequence, 4 digits or more} (Circular 03/2025).</summary>
public sealed class ApplicationCodes(MotCuaDbContext db)
{
    public async Task<string> NextAsync(int unitId, string unitCode, Instant now, CancellationToken cancellationToken)
    {
        var day = now.InZone(Access.ApplicationAccess.Vietnam).Date;
        var dayOnly = new DateOnly(day.Year, day.Month, day.Day);
        // One atomic upsert on both providers: concurrent submissions never share a number.
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO application_sequences ("UnitId", "Day", "Last") VALUES ({unitId}, {dayOnly}, 1)
            ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = application_sequences."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken);
        return $"{unitCode}-{day:yyMMdd}-{next[0]:0000}";
    }
}
