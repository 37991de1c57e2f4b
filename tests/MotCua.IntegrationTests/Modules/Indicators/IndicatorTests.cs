using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Indicators;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;
using MotCua.Web.Modules.Indicators.Rollups;
using NodaTime;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Indicators;

/// <summary>
/// The indicators from the rollups the outbox keeps: a constructed day's history in the ward, with what each indicator
/// must gain worked out by hand; the counters agree with a direct recount of every application afterwards.
/// </summary>
public abstract class IndicatorTests(MotCuaApp app)
{
    /// <summary>
    /// The days after today an application sent now may count on: after working hours it is received the next working
    /// day, so figures asked of "today" look up to two weeks ahead (beyond any holiday).
    /// </summary>
    private static string Until => DateTime.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Today => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every message so far counted (or dead, which fails the test).</summary>
    private async Task DrainedAsync() =>
        await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<OutboxDelivery>().AnyAsync(d => d.Consumer == IndicatorConsumer.ConsumerName && d.State != DeliveryState.Delivered) ? null : (bool?)true;
        }, seconds: 30);

    private async Task<Dictionary<string, (long N, long D, decimal? Value)>> IndicatorsAsync(string user = "reception1", string? from = null, string? to = null)
    {
        var ward = await WardIdAsync(app);
        var list = await (await app.ApiClientFor(user)).GetJsonAsync($"/api/v1/indicators?unitId={ward}&from={from ?? Today}&to={to ?? Until}");
        return list.EnumerateArray().ToDictionary(
            i => i.GetProperty("id").GetString()!,
            i => (i.GetProperty("numerator").GetInt64(), i.GetProperty("denominator").GetInt64(),
                i.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : i.GetProperty("value").GetDecimal()));
    }

    private Task<string> DeskAsync(string channel) => SubmitAtDeskAsync(app, channel, "Trần Bảo Ngọc");

    /// <summary>Every counter in the table, as the rollups hold them (zeros left out).</summary>
    private async Task<Dictionary<CountKey, long>> CountersAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        return (await db.Set<IndicatorCount>().AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .ToDictionary(c => new CountKey(c.UnitId, c.Day, c.ProcedureCode, c.Measure), c => c.Count);
    }

    /// <summary>A direct recount of the applications, with the month and year rows each day adds to.</summary>
    private async Task<Dictionary<CountKey, long>> RecountAsync()
    {
        using var scope = app.Services.CreateScope();
        var days = await scope.ServiceProvider.GetRequiredService<IndicatorRollup>().RecountAsync(null, CancellationToken.None);
        var cutOff = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IndicatorOptions>>().Value.CutOffDay;
        return Grains.Expand(days.Select(d => (d.Key, d.Value)), cutOff).ToDictionary(r => r.Key, r => r.Delta);
    }

    [Fact]
    public async Task A_constructed_day_adds_to_each_indicator_what_was_worked_out_by_hand()
    {
        await DrainedAsync();
        var before = await IndicatorsAsync();
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var leader = await app.ApiClientFor("leader1");

        // A: online, received, approved at once (early), result returned online: handled online end to end.
        var a = await SubmitBirthAsync(app, citizen, "Chỉ Số A");
        await ActOkAsync(reception, a, new { action = "receive" });
        await ActOkAsync(specialist, a, new { action = "forward" });
        using (var result = await AttachAsync(leader, a, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result"))
        {
            Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        }

        await ActOkAsync(leader, a, new { action = "approve" });
        await ActOkAsync(reception, a, new { action = "return-result", returnMethod = "Online" });

        // B: online, received, a fee of 50.000 đồng asked for and paid online.
        var b = await SubmitBirthAsync(app, citizen, "Chỉ Số B");
        await ActOkAsync(reception, b, new { action = "receive" });
        await ActOkAsync(specialist, b, new { action = "request-payment", amount = 50_000, note = "Lệ phí" });
        await MotCua.IntegrationTests.Modules.Payments.PaymentFlows.PaidOnlineAsync(app, b);

        // C: at the desk, a fee of 20.000 đồng taken there in cash.
        var c = await DeskAsync("Counter");
        await ActOkAsync(specialist, c, new { action = "request-payment", amount = 20_000, note = "Lệ phí" });
        using (var cash = await reception.PostAsJsonAsync($"/api/v1/applications/{c}/payments/counter", new { method = "Cash" }))
        {
            Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
        }

        // D: by post. E: online, sent but not yet received: it counts nowhere.
        await DeskAsync("Postal");
        await SubmitBirthAsync(app, citizen, "Chỉ Số E");

        await DrainedAsync();
        var after = await IndicatorsAsync();
        (long N, long D) Gain(string id) => (after[id].N - before[id].N, after[id].D - before[id].D);

        Assert.Equal((2, 4), Gain("online-application-rate"));   // A, B of A, B, C, D
        Assert.Equal((1, 4), Gain("postal-rate"));               // D
        Assert.Equal((1, 1), Gain("on-time-rate"));              // A, approved the day it came
        Assert.Equal((1, 2), Gain("online-payment-rate"));       // B of B, C
        Assert.Equal((2, 4), Gain("digitization-rate"));         // A, B: electronic from the start; C, D: nothing scanned
        Assert.Equal((1, 1), Gain("online-processing-rate"));    // A returned online
        var rate = after["online-application-rate"];
        Assert.Equal(Math.Round(rate.N * 100m / rate.D, 2), rate.Value);

        // The procedure-level indicators: birth registration is offered online at the ward and has had online applications.
        Assert.True(after["online-service-rate"].D >= 1);
        Assert.True(after["service-uptake-rate"].N >= 1);

        // The workbook holds the same numbers as the API.
        using (var excel = await reception.GetAsync(new Uri($"/api/v1/indicators/report?unitId={await WardIdAsync(app)}&from={Today}&to={Until}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
            using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
            var rows = stream.Query(useHeaderRow: true, sheetName: MotCua.Web.Modules.Indicators.IndicatorExcel.IndicatorSheet).Cast<IDictionary<string, object?>>().ToList();
            foreach (var (id, figure) in after)
            {
                var row = rows.First(r => (string?)r["Mã chỉ số"] == id);
                Assert.Equal(figure.N, Convert.ToInt64(row["Tử số"], CultureInfo.InvariantCulture));
                Assert.Equal(figure.D, Convert.ToInt64(row["Mẫu số"], CultureInfo.InvariantCulture));
            }
        }

        // A message delivered again finds nothing to change.
        var counters = await CountersAsync();
        using (var scope = app.Services.CreateScope())
        {
            var rollup = scope.ServiceProvider.GetRequiredService<IndicatorRollup>();
            await rollup.CountAsync(a, CancellationToken.None);
            await rollup.CountAsync(b, CancellationToken.None);
        }

        Assert.Equal(counters, await CountersAsync());

        // Another period holds none of it.
        var yesterday = DateTime.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var empty = await IndicatorsAsync(from: yesterday, to: yesterday);
        Assert.Equal((0, 0, null), empty["online-application-rate"]);
    }

    [Fact]
    public async Task After_random_changes_the_counters_agree_with_a_direct_recount_and_a_rebuild_gives_them_back()
    {
        var random = new Random(20261203);
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var leader = await app.ApiClientFor("leader1");
        var codes = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            codes.Add(random.Next(3) switch
            {
                0 => await DeskAsync("Counter"),
                1 => await DeskAsync("Postal"),
                _ => await SubmitBirthAsync(app, citizen, "Ngẫu Nhiên"),
            });
        }

        // Each application goes a random way: left where it is, received, refused, paid, rejected, withdrawn.
        foreach (var code in codes)
        {
            switch (random.Next(5))
            {
                case 0:
                    break;
                case 1:
                    await ActAsync(reception, code, new { action = "receive" });
                    await ActAsync(specialist, code, new { action = "forward" });
                    break;
                case 2:
                    await ActAsync(reception, code, new { action = "receive" });
                    await ActAsync(specialist, code, new { action = "request-payment", amount = 10_000 + (random.Next(5) * 5_000), note = "Lệ phí" });
                    using (await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method = "Transfer" }))
                    {
                    }

                    break;
                case 3:
                    await ActAsync(reception, code, new { action = "receive" });
                    await ActAsync(specialist, code, new { action = "forward" });
                    await ActAsync(leader, code, new { action = "reject", reason = "Không đủ điều kiện đăng ký", legalBasis = "Luật Hộ tịch 2014" });
                    break;
                default:
                    await ActAsync(citizen, code, new { action = "withdraw", reason = "Tôi nộp nhầm" });
                    break;
            }
        }

        await DrainedAsync();
        var recount = await RecountAsync();
        var counters = await CountersAsync();
        Assert.Equal(recount.Where(r => r.Value != 0).ToDictionary(), counters);

        // Thrown away and counted again from the applications, the counters come back the same.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IndicatorRollup>().RebuildAsync(CancellationToken.None);
        }

        Assert.Equal(counters, await CountersAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(15)]
    [InlineData(28)]
    public async Task The_month_and_year_rows_made_by_sql_are_those_each_day_adds_to(int? cutOff)
    {
        // Days around every edge a cut-off makes (month ends, 28/02 and 29/02, the turn of the year), for a unit of
        // their own, made again by the statements the start-up runs, then thrown away with the transaction.
        var random = new Random(cutOff ?? 0);
        var days = new Dictionary<CountKey, long>();
        foreach (var day in new[] { "2023-02-28", "2023-03-01", "2023-03-28", "2023-03-29", "2024-02-28", "2024-02-29", "2024-03-01", "2024-12-15",
            "2024-12-16", "2024-12-28", "2024-12-29", "2024-12-31", "2025-01-01", "2025-01-15", "2025-01-16", "2025-06-30", "2025-12-31" })
        {
            var date = NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value;
            foreach (var procedure in new[] { "1.001193", "2.000001" })
            {
                days[new CountKey(987_654, Measures.Day(date), procedure, Measures.Received)] = random.Next(1, 5);
            }
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var rows = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(days.Select(d => new IndicatorCount { UnitId = d.Key.UnitId, Day = d.Key.Day, ProcedureCode = d.Key.ProcedureCode, Measure = d.Key.Measure, Count = d.Value }));
            await db.SaveChangesAsync();
            foreach (var sql in Grains.RebuildSql(cutOff))
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            var made = (await db.Set<IndicatorCount>().AsNoTracking().Where(c => c.UnitId == 987_654).ToListAsync())
                .ToDictionary(c => new CountKey(c.UnitId, c.Day, c.ProcedureCode, c.Measure).ToString(), c => c.Count);
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return made;
        });
        Assert.Equal(Grains.Expand(days.Select(d => (d.Key, d.Value)), cutOff).ToDictionary(r => r.Key.ToString(), r => r.Delta), rows);
    }

    [Fact]
    public async Task Targets_set_by_the_province_admin_colour_the_figures_and_a_units_own_target_comes_before_the_provinces()
    {
        var ward = await WardIdAsync(app);
        var admin = await app.ApiClientFor("admin");
        var reception = await app.ApiClientFor("reception1");
        int province;
        using (var scope = app.Services.CreateScope())
        {
            province = (await scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Catalog.Public.CatalogDirectory>().RootAsync(CancellationToken.None))!.Id;
        }

        var year = Today[..4];
        // One application received at the desk and approved at once, so the ward has something of each kind to judge.
        var desk = await DeskAsync("Counter");
        await ActOkAsync(await app.ApiClientFor("specialist1"), desk, new { action = "forward" });
        var leader = await app.ApiClientFor("leader1");
        using (var result = await AttachAsync(leader, desk, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result"))
        {
            Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        }

        await ActOkAsync(leader, desk, new { action = "approve" });
        await DrainedAsync();
        async Task<JsonElement> SetAsync(object body)
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/targets", body);
            var json = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
            return json;
        }

        // The province asks ≥ 80 % online and a million applications finished on time of every unit; the ward itself is
        // asked for nothing on time, which it always meets.
        await SetAsync(new { unitId = province, indicator = "online-application-rate", from = $"{year}-01-01", to = $"{year}-12-31", kind = "Rate", value = 80 });
        await SetAsync(new { unitId = province, indicator = "on-time-rate", from = $"{year}-01-01", to = $"{year}-12-31", kind = "Count", value = 1_000_000 });
        var own = await SetAsync(new { unitId = ward, indicator = "on-time-rate", from = $"{year}-01-01", to = $"{year}-12-31", kind = "Rate", value = 0 });
        Assert.Equal(0, own.GetProperty("value").GetDecimal());

        var list = (await reception.GetJsonAsync($"/api/v1/indicators?unitId={ward}&from={year}-01-01&to={year}-12-31")).EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        var online = list["online-application-rate"];
        Assert.Equal(80, online.GetProperty("target").GetDecimal());
        var value = online.GetProperty("value").GetDecimal();
        var share = value * 100 / 80;
        Assert.Equal(share >= 100 ? "green" : share >= 80 ? "yellow" : share >= 50 ? "orange" : "red", online.GetProperty("level").GetString());
        Assert.Equal("green", list["on-time-rate"].GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, list["postal-rate"].GetProperty("level").ValueKind);

        // At the province, its own count target applies, and nothing there comes near a million.
        var top = (await admin.GetJsonAsync($"/api/v1/indicators?unitId={province}&from={year}-01-01&to={year}-12-31")).EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("red", top["on-time-rate"].GetProperty("level").GetString());
        Assert.Equal(1_000_000, top["on-time-rate"].GetProperty("target").GetDecimal());

        // The gap to the province's 80 %: new online applications add to both sides, (N + n) / (D + n) ≥ 80 %.
        var gap = await reception.GetJsonAsync($"/api/v1/targets/gap?unitId={ward}&indicator=online-application-rate&from={year}-01-01&to={year}-12-31");
        var (n, d) = (gap.GetProperty("numerator").GetInt64(), gap.GetProperty("denominator").GetInt64());
        var expected = n * 100 >= 80 * d ? 0 : Math.Max(1, (long)Math.Ceiling((0.8m * d - n) / 0.2m));
        Assert.Equal(expected, gap.GetProperty("needed").GetInt64());
        if (expected > 0)
        {
            Assert.Contains("cần thêm", gap.GetProperty("advice").GetString(), StringComparison.Ordinal);
            Assert.Contains(gap.GetProperty("procedures").EnumerateArray(), p => p.GetProperty("code").GetString() == Birth);
        }

        Assert.Equal(JsonValueKind.Array, gap.GetProperty("atRisk").ValueKind);
        using (var unknown = await reception.GetAsync(new Uri($"/api/v1/targets/gap?unitId={ward}&indicator=ty-le-vui-ve", UriKind.Relative)))
        {
            Assert.True((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("indicator", out _));
        }

        // Ranked among the province's units: the ward meets its own target on time, the others are judged on the
        // province's million and miss it (nothing else of theirs has a value to judge).
        var ranking = (await admin.GetJsonAsync($"/api/v1/indicators/ranking?unitId={province}&from={year}-01-01&to={year}-12-31")).EnumerateArray().ToList();
        var first = ranking[0];
        Assert.Equal(ward, first.GetProperty("unitId").GetInt32());
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.True(first.GetProperty("score").GetDecimal() >= 8);
        Assert.All(ranking.Skip(1).Where(r => r.GetProperty("score").ValueKind != JsonValueKind.Null), r => Assert.True(r.GetProperty("rank").GetInt32() > 1));

        // Setting the same unit, indicator and period again replaces it; the ward's officers see the targets but set none.
        await SetAsync(new { unitId = ward, indicator = "on-time-rate", from = $"{year}-01-01", to = $"{year}-12-31", kind = "Rate", value = 0 });
        var targets = await reception.GetJsonAsync($"/api/v1/targets?unitId={ward}");
        Assert.Single(targets.EnumerateArray(), t => t.GetProperty("indicator").GetString() == "on-time-rate" && t.GetProperty("from").GetString() == $"{year}-01-01");
        using (var notTheirs = await reception.PostAsJsonAsync("/api/v1/targets", new { unitId = ward, indicator = "on-time-rate", from = $"{year}-01-01", to = $"{year}-12-31", kind = "Rate", value = 50 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        // A target with a mistake in every field says each and keeps nothing.
        var before = (await admin.GetJsonAsync("/api/v1/targets")).GetArrayLength();
        using (var bad = await admin.PostAsJsonAsync("/api/v1/targets", new { unitId = 987654, indicator = "ty-le-vui-ve", from = "01/01/2026", to = (string?)null, kind = "Rate", value = 150 }))
        {
            var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            foreach (var field in new[] { "unitId", "indicator", "from", "to", "value" })
            {
                Assert.True(errors.TryGetProperty(field, out _), field);
            }
        }

        using (var backwards = await admin.PostAsJsonAsync("/api/v1/targets", new { unitId = ward, indicator = "postal-rate", from = $"{year}-12-31", to = $"{year}-01-01", kind = "Count", value = 2.5 }))
        {
            var errors = (await backwards.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("to", out _));
            Assert.True(errors.TryGetProperty("value", out _));
        }

        Assert.Equal(before, (await admin.GetJsonAsync("/api/v1/targets")).GetArrayLength());

        // Taken away, the ward falls back on the province's target.
        using (var removed = await admin.DeleteAsync(new Uri($"/api/v1/targets/{own.GetProperty("id").GetInt64()}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        var fallen = (await reception.GetJsonAsync($"/api/v1/indicators?unitId={ward}&from={year}-01-01&to={year}-12-31")).EnumerateArray().Single(i => i.GetProperty("id").GetString() == "on-time-rate");
        Assert.Equal("red", fallen.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Targets_come_in_from_the_spreadsheet_template_whole_or_not_at_all()
    {
        var admin = await app.ApiClientFor("admin");
        using (var template = await admin.GetAsync(new Uri("/api/v1/targets/template", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
            var example = stream.Query(useHeaderRow: true, sheetName: TargetWorkbook.Sheet).Cast<IDictionary<string, object?>>().First();
            Assert.Equal("online-application-rate", example[TargetWorkbook.IndicatorColumn]);
        }

        static ByteArrayContent Workbook(params object[][] rows)
        {
            var sheet = rows.Select(r => new Dictionary<string, object?>
            {
                [TargetWorkbook.UnitColumn] = r[0], [TargetWorkbook.IndicatorColumn] = r[1], [TargetWorkbook.FromColumn] = r[2],
                [TargetWorkbook.ToColumn] = r[3], [TargetWorkbook.KindColumn] = r[4], [TargetWorkbook.ValueColumn] = r[5],
            }).ToList();
            using var stream = new MemoryStream();
            stream.SaveAs(new Dictionary<string, object> { [TargetWorkbook.Sheet] = sheet }, excelType: ExcelType.XLSX);
            var content = new ByteArrayContent(stream.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(IndicatorExcel.ContentType);
            return content;
        }

        const string Ward = "000.01.00.H99";
        var before = (await admin.GetJsonAsync("/api/v1/targets")).GetArrayLength();

        // The second row has a mistake in every field: each is named with its row, and the good first row is not kept either.
        using (var bad = await admin.PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), Workbook(
            [Ward, "postal-rate", "2027-01-01", "2027-12-31", "Rate", 10],
            ["KHONG.CO", "ty-le-vui-ve", "31/12/2027", "", "Percent", "nhiều"])))
        {
            var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            foreach (var field in new[] { "dong-3.unitId", "dong-3.indicator", "dong-3.from", "dong-3.to", "dong-3.kind", "dong-3.value" })
            {
                Assert.True(errors.TryGetProperty(field, out _), field);
            }

            Assert.False(errors.TryGetProperty("dong-2.indicator", out _));
        }

        Assert.Equal(before, (await admin.GetJsonAsync("/api/v1/targets")).GetArrayLength());

        using (var good = await admin.PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), Workbook(
            [Ward, "postal-rate", "2027-01-01", "2027-12-31", "Rate", 10],
            [Ward, "online-payment-rate", "2027-01-01", "2027-12-31", "Count", 20])))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.Equal(2, (await good.ReadJsonAsync()).GetProperty("imported").GetInt32());
        }

        var targets = (await admin.GetJsonAsync("/api/v1/targets")).EnumerateArray().Where(t => t.GetProperty("from").GetString() == "2027-01-01").ToList();
        Assert.Contains(targets, t => t.GetProperty("indicator").GetString() == "online-payment-rate" && t.GetProperty("kind").GetString() == "Count" && t.GetProperty("value").GetDecimal() == 20);

        using (var json = await admin.PostAsJsonAsync("/api/v1/targets/import", new { rows = 1 }))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        }

        using (var notAdmin = await (await app.ApiClientFor("reception1")).PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), Workbook([Ward, "postal-rate", "2027-01-01", "2027-12-31", "Rate", 10])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        }
    }

    private async Task<Dictionary<string, JsonElement>> Index766Async(int unit)
    {
        var sheet = await (await app.ApiClientFor("reception1")).GetJsonAsync($"/api/v1/index766?unitId={unit}&from={Today}&to={Until}");
        return sheet.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.Clone());
    }

    [Fact]
    public async Task The_766_index_scores_by_the_points_rule_and_each_figure_opens_down_to_the_applications_it_counts()
    {
        await DrainedAsync();
        var ward = await WardIdAsync(app);
        var before = await Index766Async(ward);
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var leader = await app.ApiClientFor("leader1");

        // A: online, its result an electronic document returned online. D: by post, still being processed.
        var a = await SubmitBirthAsync(app, citizen, "Chỉ Số Bảy Sáu Sáu");
        await ActOkAsync(reception, a, new { action = "receive" });
        await ActOkAsync(specialist, a, new { action = "forward" });
        using (var result = await AttachAsync(leader, a, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result"))
        {
            Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        }

        await ActOkAsync(leader, a, new { action = "approve" });
        await ActOkAsync(reception, a, new { action = "return-result", returnMethod = "Online" });
        var d = await DeskAsync("Postal");
        await DrainedAsync();

        var after = await Index766Async(ward);
        (long N, long D) Gain(string id) =>
            (after[id].GetProperty("numerator").GetInt64() - before[id].GetProperty("numerator").GetInt64(),
             after[id].GetProperty("denominator").GetInt64() - before[id].GetProperty("denominator").GetInt64());
        Assert.Equal((1, 1), Gain("electronic-results"));          // A
        Assert.Equal((1, 2), Gain("inputs-digitized"));            // A online; D's papers not scanned
        Assert.Equal((1, 1), Gain("online-electronic-results"));   // A came online and got an electronic result
        Assert.Equal((1, 1), Gain("processing-satisfaction"));     // A finished early
        // A finished early; D still being processed at the end of the period, within its time or not by its due day.
        var dueDay = DateTimeOffset.Parse((await reception.GetJsonAsync($"/api/v1/applications/{d}")).GetProperty("dueAt").GetString()!, CultureInfo.InvariantCulture)
            .ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(string.CompareOrdinal(dueDay, Until) < 0 ? (1, 2) : (2, 2), Gain("timely-or-within-time"));

        // The points rule of legal.md on every measured line; the unmeasured ones say why and weigh nothing.
        var sheet = await reception.GetJsonAsync($"/api/v1/index766?unitId={ward}&from={Today}&to={Until}");
        foreach (var line in after.Values)
        {
            if (!line.GetProperty("measured").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Null, line.GetProperty("earned").ValueKind);
                Assert.StartsWith("Chưa có số liệu", line.GetProperty("note").GetString(), StringComparison.Ordinal);
                continue;
            }

            var (points, target) = (line.GetProperty("points").GetDecimal(), line.GetProperty("target").GetDecimal());
            var (n, den) = (line.GetProperty("numerator").GetInt64(), line.GetProperty("denominator").GetInt64());
            if (den == 0)
            {
                continue;
            }

            var ratio = Math.Round(n * 100m / den, 2, MidpointRounding.AwayFromZero);
            var expected = ratio >= target ? points : Math.Round(ratio * points / target, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, line.GetProperty("earned").GetDecimal());
        }

        var (earned, measurable) = (sheet.GetProperty("earned").GetDecimal(), sheet.GetProperty("measurable").GetDecimal());
        Assert.True(measurable is > 0 and <= 100);
        Assert.Equal(Math.Round(earned * 100 / measurable, 2, MidpointRounding.AwayFromZero), sheet.GetProperty("score").GetDecimal());
        Assert.Contains(sheet.GetProperty("grade").GetString(), new[] { "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu" });

        // Each figure opens to its applications: by procedure, then the applications themselves.
        var electronic = await reception.GetJsonAsync($"/api/v1/indicators/applications?unitId={ward}&from={Today}&to={Until}&set=applications.returned.electronic");
        Assert.Contains(electronic.GetProperty("applications").EnumerateArray(), x => x.GetProperty("code").GetString() == a);
        Assert.Contains(electronic.GetProperty("procedures").EnumerateArray(), x => x.GetProperty("code").GetString() == Birth && x.GetProperty("count").GetInt32() >= 1);
        var postal = await reception.GetJsonAsync($"/api/v1/indicators/applications?unitId={ward}&from={Today}&to={Until}&set=applications.received.postal&procedure={Birth}");
        var postalCodes = postal.GetProperty("applications").EnumerateArray().Select(x => x.GetProperty("code").GetString()).ToList();
        Assert.Contains(d, postalCodes);
        Assert.DoesNotContain(a, postalCodes);
        Assert.Equal(after["inputs-digitized"].GetProperty("denominator").GetInt64(),
            (await reception.GetJsonAsync($"/api/v1/indicators/applications?unitId={ward}&from={Today}&to={Until}&set=applications.received")).GetProperty("total").GetInt64());
        using (var bad = await reception.GetAsync(new Uri($"/api/v1/indicators/applications?unitId={ward}&set=procedures.handled", UriKind.Relative)))
        {
            Assert.True((await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("set", out _));
        }

        using (var stranger = await citizen.GetAsync(new Uri($"/api/v1/index766?unitId={ward}", UriKind.Relative)))
        {
            await stranger.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        // The report as a PDF: the layout sent upward, the Vietnamese exact.
        using (var pdf = await reception.GetAsync(new Uri($"/api/v1/indicators/report.pdf?unitId={ward}&from={Today}&to={Until}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
            var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ", text, StringComparison.Ordinal);
            Assert.Contains("Tỷ lệ hồ sơ số hóa", text, StringComparison.Ordinal);
            Assert.Contains("UBND phường An Phú", text, StringComparison.Ordinal);
        }

        // The same report for a whole province is long: made in the background, then downloaded.
        using (var queued = await reception.PostAsJsonAsync("/api/v1/exports", new { kind = "indicators", format = "pdf", unitId = ward, from = Today, to = Until }))
        {
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            var location = queued.Headers.Location!.ToString();
            var done = await OutboxTests.EventuallyAsync<JsonElement>(async () =>
            {
                var job = await reception.GetJsonAsync(location);
                Assert.NotEqual("Failed", job.GetProperty("state").GetString());
                return job.GetProperty("state").GetString() == "Done" ? job : default;
            }, seconds: 30);
            using var file = await reception.GetAsync(new Uri(done.GetProperty("downloadUrl").GetString()!, UriKind.Relative));
            using var document = UglyToad.PdfPig.PdfDocument.Open(await file.Content.ReadAsByteArrayAsync());
            Assert.Contains("KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ", string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        }

        // The pages: the index with its links down, and the list they open.
        var pages = app.Pages();
        await pages.SignInAsync("reception1");
        var (status, html) = await pages.GetAsync($"/can-bo/chi-so-766?unit={ward}&from={Today}&to={Until}");
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("Số hóa hồ sơ, kết quả", html, StringComparison.Ordinal);
        Assert.Contains("set=applications.returned.electronic", html, StringComparison.Ordinal);
        var (listed, list) = await pages.GetAsync($"/can-bo/chi-so/ho-so?unit={ward}&from={Today}&to={Until}&set=applications.returned.electronic");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains(a, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dissolved_district_keeps_summing_its_communes_for_the_months_before_the_reorganisation()
    {
        var admin = await app.ApiClientFor("admin");
        var root = (await admin.GetJsonAsync("/api/v1/admin/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == "000.00.00.H99").GetProperty("id").GetInt32();
        async Task<int> CreateAsync(string code, string name, string kind, string level, int parent)
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/admin/units", new { code, name, shortName = name, kind, level, parentId = parent });
            var body = await created.ReadJsonAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
            return body.GetProperty("id").GetInt32();
        }

        var district = await CreateAsync("000.00.47.H99", "UBND huyện Đồng Xuân", "District", "district", root);
        var commune = await CreateAsync("000.27.47.H99", "UBND xã Xuân Lãnh", "Commune", "commune", district);

        // Two applications the commune handled in March 2025, brought over from the former system.
        var lines = new[] { "XL-2503-0001", "XL-2503-0002" }.Select(code => JsonSerializer.Serialize(new
        {
            code, procedureCode = Birth, unitCode = "000.27.47.H99", channel = "OnlineRemote", status = "Returned",
            submittedAt = "2025-03-10T08:00:00+07:00", receivedAt = "2025-03-10T09:00:00+07:00", dueAt = "2025-03-14T17:00:00+07:00",
            finishedAt = "2025-03-12T10:00:00+07:00", returnedAt = "2025-03-13T09:00:00+07:00", returnChannel = "Online",
            inputsDigitized = true, feeAmount = 0, paidOnline = false,
            events = new[] { new { at = "2025-03-10T09:00:00+07:00", action = "receive", actor = "Cán bộ cũ" } },
        }));
        using (var file = new StringContent(string.Join('\n', lines), System.Text.Encoding.UTF8, "application/x-ndjson"))
        using (var imported = await admin.PostAsync(new Uri("/api/v1/imports/applications", UriKind.Relative), file))
        {
            var body = await imported.ReadJsonAsync();
            Assert.True(body.GetProperty("imported").GetInt32() == 2, body.ToString());
        }

        await DrainedAsync();
        async Task<long> ReceivedAsync(int unit, string from, string to) =>
            (await admin.GetJsonAsync($"/api/v1/indicators?unitId={unit}&from={from}&to={to}")).EnumerateArray()
                .Single(i => i.GetProperty("id").GetString() == "online-application-rate").GetProperty("denominator").GetInt64();
        Assert.Equal(2, await ReceivedAsync(district, "2025-03-01", "2025-03-31"));

        // The district ends on 01/07/2025 (recorded today, dated back), its commune moving under the province.
        using (var dissolved = await admin.PostAsJsonAsync($"/api/v1/admin/units/{district}/dissolve",
            new { successorId = root, effectiveOn = "2025-07-01", reason = "Kết thúc hoạt động của đơn vị hành chính cấp huyện" }))
        {
            Assert.Equal(HttpStatusCode.OK, dissolved.StatusCode);
        }

        // March 2025 is counted on the tree of March 2025: the district still sums its commune, and the province lists it.
        Assert.Equal(2, await ReceivedAsync(district, "2025-03-01", "2025-03-31"));
        Assert.Equal(2, await ReceivedAsync(commune, "2025-03-01", "2025-03-31"));
        var march = await admin.GetJsonAsync($"/api/v1/indicators/ranking?unitId={root}&from=2025-03-01&to=2025-03-31");
        Assert.Contains(march.EnumerateArray(), r => r.GetProperty("unitId").GetInt32() == district);
        Assert.DoesNotContain(march.EnumerateArray(), r => r.GetProperty("unitId").GetInt32() == commune);

        // Since the reorganisation the commune stands directly under the province.
        var now = await admin.GetJsonAsync($"/api/v1/indicators/ranking?unitId={root}&from=2025-08-01&to=2025-08-31");
        Assert.Contains(now.EnumerateArray(), r => r.GetProperty("unitId").GetInt32() == commune);
        Assert.DoesNotContain(now.EnumerateArray(), r => r.GetProperty("unitId").GetInt32() == district);
    }

    [Fact]
    public async Task Bad_periods_are_explained_and_only_officers_of_the_unit_see_its_indicators()
    {
        var ward = await WardIdAsync(app);
        var reception = await app.ApiClientFor("reception1");
        using (var bad = await reception.GetAsync(new Uri($"/api/v1/indicators?unitId={ward}&from=03/12/2026", UriKind.Relative)))
        {
            var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        }

        using (var backwards = await reception.GetAsync(new Uri($"/api/v1/indicators?unitId={ward}&from=2026-12-03&to=2026-12-01", UriKind.Relative)))
        {
            var problem = await backwards.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
        }

        using (var badPeriod = await reception.GetAsync(new Uri($"/api/v1/indicators?unitId={ward}&period=2026-13", UriKind.Relative)))
        {
            Assert.True((await badPeriod.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("period", out _));
        }

        // The trend's last month is the month's own figures; a silly number of months is explained.
        var trend = await reception.GetJsonAsync($"/api/v1/indicators/trend?unitId={ward}&to=2026-11-20&months=3");
        Assert.Equal(3, trend.GetArrayLength());
        Assert.Equal((await reception.GetJsonAsync($"/api/v1/indicators?unitId={ward}&period=2026-11")).GetRawText(), trend[2].GetProperty("indicators").GetRawText());
        Assert.Equal("2026-09-01", trend[0].GetProperty("from").GetString());
        using (var tooMany = await reception.GetAsync(new Uri($"/api/v1/indicators/trend?unitId={ward}&months=100", UriKind.Relative)))
        {
            Assert.True((await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("months", out _));
        }

        // A named period gives the same figures as its days.
        var quarter = await reception.GetJsonAsync($"/api/v1/indicators?unitId={ward}&period=2026-Q4");
        var days = await reception.GetJsonAsync($"/api/v1/indicators?unitId={ward}&from=2026-10-01&to=2026-12-31");
        Assert.Equal(days.GetRawText(), quarter.GetRawText());

        using (var citizen = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/indicators?unitId={ward}", UriKind.Relative)))
        {
            await citizen.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        // The ward's officer does not see the province; the province admin sees the ward and the whole province.
        var root = (await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/indicators")).GetArrayLength();
        Assert.True(root >= 4);
        using var scope = app.Services.CreateScope();
        var province = (await scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Catalog.Public.CatalogDirectory>().RootAsync(CancellationToken.None))!;
        using (var above = await reception.GetAsync(new Uri($"/api/v1/indicators?unitId={province.Id}", UriKind.Relative)))
        {
            await above.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var ids = (await (await app.ApiClientFor("admin")).GetJsonAsync($"/api/v1/indicators?unitId={ward}")).EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(IndicatorDefinitions.Ids, ids);
        // Everyone may read the published figures, without signing in: rates and counts, no application and no person.
        using var visitor = app.Pages();
        var (status, page) = await visitor.GetAsync($"/thong-ke?unit={ward}");
        Assert.Equal(HttpStatusCode.OK, status);
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("Tỷ lệ hồ sơ trực tuyến", page, StringComparison.Ordinal);
        Assert.Contains("UBND phường An Phú", page, StringComparison.Ordinal);
        Assert.DoesNotContain("000.01.00.H99-", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", page, StringComparison.Ordinal);
        var (_, badYear) = await visitor.GetAsync($"/thong-ke?unit={ward}&year=1999");
        Assert.Contains("Chọn một năm từ 2000 đến", WebUtility.HtmlDecode(badYear), StringComparison.Ordinal);

        var definitions = await reception.GetJsonAsync("/api/v1/indicators/definitions");
        Assert.Contains(definitions.EnumerateArray(), d => d.GetProperty("id").GetString() == "online-payment-rate" && d.GetProperty("variant").GetString() == "procedures-paid"
            && !d.GetProperty("chosen").GetBoolean());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorsOnSqlite(SqliteApp app) : IndicatorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorsOnPostgres(PostgresApp app) : IndicatorTests(app);
