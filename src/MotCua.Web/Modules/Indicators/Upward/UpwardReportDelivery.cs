using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Simulators.NationalPortal;
using MotCua.Simulators.Reporting;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Indicators.Upward;

/// <summary>
/// The report of one period for the national systems (docs/national-integration.md, "Reports upward"): the province's
/// indicators, its Decision 766 index line by line, and the index of each unit directly below, from the same counters
/// the dashboards read. Its id (province code and period) lets a receiver keep one per period.
/// </summary>
public sealed class UpwardReportBuilder(IndicatorReport indicators, Index766Report index766, CatalogDirectory catalog, IClock clock)
{
    public async Task<string> BuildAsync(UpwardReportMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = LocalDatePattern.Iso.Parse(message.From).GetValueOrThrow();
        var to = LocalDatePattern.Iso.Parse(message.To).GetValueOrThrow();
        var province = await catalog.RootAsync(cancellationToken) ?? throw new InvalidOperationException("The unit tree is empty: nothing to report.");
        var values = await indicators.ComputeAsync(province, from, to, cancellationToken);
        var sheet = await index766.ComputeAsync(province, from, to, cancellationToken);
        var below = await index766.BelowAsync(province, from, to, cancellationToken);
        var report = new
        {
            reportId = $"{province.Code}:{message.Period}",
            province = new { code = province.Code, name = province.Name },
            period = new { id = message.Period, from = message.From, to = message.To },
            generatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
            indicators = values.Select(v => new { id = v.Id, name = v.Name, variant = v.Variant, numerator = v.Numerator, denominator = v.Denominator, value = v.Value, target = v.Target }),
            index766 = new
            {
                score = sheet.Score,
                grade = sheet.Grade,
                earned = sheet.Earned,
                measurable = sheet.Measurable,
                groups = sheet.Groups.Select(g => new
                {
                    id = g.Id, name = g.Name, points = g.Points, earned = g.Earned,
                    indicators = g.Indicators.Select(l => new { id = l.Id, name = l.Name, points = l.Points, target = l.Target, measured = l.Measured, numerator = l.Numerator, denominator = l.Denominator, ratio = l.Ratio, earned = l.Earned }),
                }),
            },
            units = below.Select(s => new { unitId = s.UnitId, name = s.UnitName, score = s.Score, grade = s.Grade }),
        };
        return JsonSerializer.Serialize(report, OutboxJson.Options);
    }
}

/// <summary>
/// The outbox consumer for one national system ("report:{name}"): computes the period's report and posts it, signed;
/// an answer other than 2xx throws, so the outbox tries again with growing pauses and the admin sees it on the queue page.
/// </summary>
internal sealed class UpwardReportConsumer(ReportingTarget target) : IOutboxConsumer
{
    public const string HttpClientName = "national-reporting";

    public string Name => "report:" + target.Name;

    public bool Accepts(string messageType) => messageType == UpwardReportMessage.Type;

    public async Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(services);
        var message = JsonSerializer.Deserialize<UpwardReportMessage>(work.Payload, OutboxJson.Options)
            ?? throw new InvalidOperationException("Empty report message.");
        var body = await services.GetRequiredService<UpwardReportBuilder>().BuildAsync(message, cancellationToken);
        var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var root = PortalOptions.Address(portal.BaseUri, target.BaseUrl);
        var address = new Uri(root.AbsoluteUri.TrimEnd('/') + ReportingSimulator.ReportsPath);
        using var request = NationalPortalProtocol.Signed(HttpMethod.Post, address, body, target.ClientId, target.Secret, services.GetRequiredService<TimeProvider>().GetUtcNow());
        using var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{target.Name} trả lời {(int)response.StatusCode}: {(answer.Length > 200 ? answer[..200] : answer)}"));
        }
    }
}
