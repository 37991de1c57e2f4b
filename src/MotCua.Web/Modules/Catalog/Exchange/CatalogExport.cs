using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Catalog.Exchange;

/// <summary>The whole catalog in the exchange format: every procedure with the terms of the version in force.</summary>
public sealed class CatalogExport(MotCuaDbContext db, IClock clock)
{
    public async Task<CatalogFile> RunAsync(CancellationToken cancellationToken)
    {
        var codes = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        var procedures = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units).ToListAsync(cancellationToken);
        var inForce = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.InForceAt != null && db.Set<Procedure>().Any(p => p.Id == v.ProcedureId && p.Version == v.Number))
            .Select(v => new { v.ProcedureId, v.EffectiveFrom, v.Note })
            .ToDictionaryAsync(v => v.ProcedureId, cancellationToken);
        var records = procedures.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            var version = inForce.GetValueOrDefault(p.Id);
            return ProcedureRecords.From(p, codes, version?.EffectiveFrom, p.Version, version?.Note);
        }).ToList();
        return new CatalogFile(records, CatalogFile.FormatName, clock.GetCurrentInstant().InZone(Common.Text.VietnameseDates.Zone).ToDateTimeOffset());
    }
}
