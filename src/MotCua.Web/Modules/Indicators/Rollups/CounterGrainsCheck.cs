using MotCua.Web.Common.Persistence;

namespace MotCua.Web.Modules.Indicators.Rollups;

/// <summary>
/// At start-up, before any figure is read: the month and year rows of the counters follow the province's cut-off day
/// (they are made again from the day rows when it changed, or when they were never made).
/// </summary>
internal sealed class CounterGrainsCheck(IndicatorRollup rollup) : IDatabaseSeeder
{
    public int Order => 50;

    public bool DemoOnly => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await rollup.GrainsFollowCutOffAsync(cancellationToken))
        {
            await rollup.RebuildGrainsAsync(cancellationToken, onlyIfStale: true);
        }
    }
}
