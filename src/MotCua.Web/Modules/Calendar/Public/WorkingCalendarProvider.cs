using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Calendar.Data;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.Web.Modules.Calendar.Public;

/// <summary>
/// The working calendar as the database holds it, cached in memory. An edit on this node drops the cache at once
/// (<see cref="Invalidate"/>); other nodes behind the same load balancer reload within <see cref="Lifetime"/>.
/// </summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes, IMemoryCache cache) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const string Key = "deadlines:working-calendar";
    private readonly CacheVersion _version = new();

    /// <summary>The calendar as other modules count time limits over it.</summary>
    public async Task<IWorkingTime> GetAsync(CancellationToken cancellationToken = default) => await GetCalendarAsync(cancellationToken);

    internal async Task<WorkingCalendar> GetCalendarAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(Key, out WorkingCalendar? cached) && cached is not null)
        {
            return cached;
        }

        // Taken before loading: an edit that lands while loading expires it, so a stale calendar never stays cached.
        var version = _version.Token();

        var calendar = await LoadAsync(cancellationToken);
        using var entry = cache.CreateEntry(Key);
        entry.Value = calendar;
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        entry.AddExpirationToken(version);
        return calendar;
    }

    /// <summary>Call after changing calendar days or working hours.</summary>
    public void Invalidate()
    {
        _version.Invalidate();
        cache.Remove(Key);
    }

    public void Dispose() => _version.Dispose();

    private async Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
        var settings = await db.Set<WorkingHoursSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new WorkingCalendar(days, settings?.ToWorkingHours() ?? WorkingHours.Default, WorkingCalendar.VietnamZone);
    }
}
