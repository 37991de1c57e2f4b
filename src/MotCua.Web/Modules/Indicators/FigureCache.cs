using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MotCua.Web.Modules.Indicators;

/// <summary>
/// The counters' sums a dashboard, the 766 index or the API computed, kept for <see cref="IndicatorOptions.FiguresCacheSeconds"/>
/// so that everyone who opens the province's dashboard within that time gets the same figures without summing again
/// (a province-year is tens of thousands of counter rows). Figures are therefore at most that old; the pages say when
/// they were computed. 0 turns it off (every read sums the counters). See ADR 0025.
/// </summary>
public sealed class FigureCache(IMemoryCache cache, IOptions<IndicatorOptions> options, IClock clock)
{
    private sealed record Entry(object Value, Instant At);

    /// <summary>The figures under this key computed less than the set time ago, or computed now; with when they were computed.</summary>
    public async Task<(T Value, Instant At)> GetAsync<T>(string key, Func<Task<T>> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var seconds = options.Value.FiguresCacheSeconds;
        var now = clock.GetCurrentInstant();
        if (seconds <= 0)
        {
            return (await compute(), now);
        }

        var fullKey = "figures:" + key;
        if (cache.TryGetValue(fullKey, out Entry? kept) && kept is not null && now - kept.At < Duration.FromSeconds(seconds))
        {
            return ((T)kept.Value, kept.At);
        }

        var value = await compute();
        cache.Set(fullKey, new Entry(value, now), TimeSpan.FromSeconds(seconds));
        return (value, now);
    }
}
