using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>
/// The procedures and units a submission reads, kept in memory for <see cref="Lifetime"/> (read-only copies, never
/// tracked): every submission of the same procedure at the same unit read the same two rows again.
/// </summary>
public sealed class SubmissionCatalog(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public Task<Procedure?> ProcedureAsync(string code, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("applications:procedure:" + code, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Procedures.AsNoTracking().Include(p => p.Units).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        });

    public Task<Unit?> UnitAsync(int id, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("applications:unit:" + id, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        });
}
