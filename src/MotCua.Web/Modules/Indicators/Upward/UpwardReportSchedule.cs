using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Modules.Indicators.Upward;

/// <summary>
/// Queues last month's report once the month is over (from <see cref="UpwardReportingOptions.SendFromDay"/>), looking
/// every <see cref="UpwardReportingOptions.CheckMinutes"/>; the outbox then delivers it to each target with its retries.
/// Days are Vietnam's.
/// </summary>
public sealed class UpwardReportSchedule(MotCuaDbContext db, IOptions<UpwardReportingOptions> options, IClock clock)
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The month queued now, or null when it was queued before (here or on another node) or is not yet due.</summary>
    public async Task<string?> QueueDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = now.InZone(Vietnam).Date;
        if (today.Day < options.Value.SendFromDay)
        {
            return null;
        }

        var first = new LocalDate(today.Year, today.Month, 1).PlusMonths(-1);
        var period = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        if (await db.Set<UpwardReport>().AnyAsync(r => r.Period == period, cancellationToken))
        {
            return null;
        }

        db.Add(new UpwardReport { Period = period, From = first.ToDateOnly(), To = first.PlusMonths(1).PlusDays(-1).ToDateOnly(), QueuedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return period;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }
}

/// <summary>Runs <see cref="UpwardReportSchedule"/> in the background while reporting is on.</summary>
internal sealed class UpwardReportWorker(IServiceScopeFactory scopes, IOptions<UpwardReportingOptions> options, ILogger<UpwardReportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first look comes one interval after start: a node that restarts does not rush, and tests stay in charge.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<UpwardReportSchedule>().QueueDueAsync(stoppingToken) is { } period)
                {
                    logger.LogInformation("Indicator report for {Period} queued for the national systems.", period);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not queue the indicator report; trying again at the next look.");
            }
        }
    }
}
