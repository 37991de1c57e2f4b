using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MotCua.Web.Modules.Indicators;
using NodaTime;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class FigureCacheTests
{
    private sealed class MovableClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }

    [Fact]
    public async Task Figures_are_summed_once_within_the_set_time_then_again_and_every_time_when_it_is_zero()
    {
        var clock = new MovableClock(Instant.FromUtc(2026, 12, 3, 7, 0));
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var options = new IndicatorOptions { FiguresCacheSeconds = 60 };
        var cache = new FigureCache(memory, Options.Create(options), clock);
        var sums = 0;
        Task<string> Sum() => Task.FromResult($"sum {++sums}");

        var first = await cache.GetAsync("sets|20261201|20261203||1,2", Sum);
        clock.Now += Duration.FromSeconds(59);
        var again = await cache.GetAsync("sets|20261201|20261203||1,2", Sum);
        Assert.Equal(("sum 1", Instant.FromUtc(2026, 12, 3, 7, 0)), first);
        Assert.Equal(first, again);

        // Another unit set is its own figures; a minute on, the first is summed again.
        Assert.Equal("sum 2", (await cache.GetAsync("sets|20261201|20261203||1,3", Sum)).Value);
        clock.Now += Duration.FromSeconds(1);
        Assert.Equal(("sum 3", clock.Now), await cache.GetAsync("sets|20261201|20261203||1,2", Sum));

        options.FiguresCacheSeconds = 0;
        Assert.Equal("sum 4", (await cache.GetAsync("sets|20261201|20261203||1,2", Sum)).Value);
        Assert.Equal("sum 5", (await cache.GetAsync("sets|20261201|20261203||1,2", Sum)).Value);
    }
}
