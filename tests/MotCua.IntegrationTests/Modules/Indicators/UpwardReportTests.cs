using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Indicators.Upward;

namespace MotCua.IntegrationTests.Modules.Indicators;

/// <summary>
/// Last month's indicators pushed to the simulated national reporting and digital-government monitoring systems
/// through the outbox, over real HTTP: queued once however often the schedule looks, delivered to each once even when
/// the first push fails, in the documented shape.
/// </summary>
public abstract class UpwardReportTests(MotCuaApp app)
{
    [Fact]
    public async Task Last_months_indicators_reach_both_national_systems_once_even_when_the_first_push_fails()
    {
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date;
        var month = new NodaTime.LocalDate(today.Year, today.Month, 1).PlusMonths(-1);
        var period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        app.NationalPortal.Reporting.FailNext(1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var schedule = scope.ServiceProvider.GetRequiredService<UpwardReportSchedule>();
            Assert.Equal(period, await schedule.QueueDueAsync(CancellationToken.None));
            Assert.Null(await schedule.QueueDueAsync(CancellationToken.None));
        }

        var reportId = "000.00.00.H99:" + period;
        var (reported, monitored) = (await OutboxTests.EventuallyAsync(() => Task.FromResult(
            app.NationalPortal.Reporting.Report(reportId) is { } r && app.NationalPortal.Monitoring.Report(reportId) is { } m ? (r, m) : ((MotCua.Simulators.Reporting.ReceivedReport, MotCua.Simulators.Reporting.ReceivedReport)?)null), seconds: 60))!.Value;
        Assert.Equal((1, 1), (app.NationalPortal.Reporting.Accepted, app.NationalPortal.Monitoring.Accepted));

        using var json = JsonDocument.Parse(reported.Body);
        var root = json.RootElement;
        Assert.Equal((period, month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (root.GetProperty("period").GetProperty("id").GetString(), root.GetProperty("period").GetProperty("from").GetString()));
        Assert.Equal("000.00.00.H99", root.GetProperty("province").GetProperty("code").GetString());
        Assert.Contains(root.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("id").GetString() == "on-time-rate");
        var lines = root.GetProperty("index766").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray()).ToList();
        Assert.Contains(lines, l => l.GetProperty("id").GetString() == "population-database" && l.GetProperty("measured").GetBoolean());
        Assert.True(root.GetProperty("units").GetArrayLength() > 0);
        Assert.Equal(reported.Body.Length > 0, monitored.Body.Length > 0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UpwardReportOnSqlite(SqliteApp app) : UpwardReportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UpwardReportOnPostgres(PostgresApp app) : UpwardReportTests(app);
