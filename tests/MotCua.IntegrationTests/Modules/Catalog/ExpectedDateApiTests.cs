using System.Globalization;
using System.Net;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Catalog;

public abstract class ExpectedDateApiTests(MotCuaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private static string Url(string code, string submittedAt) =>
        $"/api/v1/procedures/{code}/expected-date?submittedAt={Uri.EscapeDataString(submittedAt)}";

    [Theory]
    [InlineData("2026-11-24T09:00:00+07:00", "2026-11-24T09:00:00+07:00", "2026-11-25T09:00:00+07:00")] // Tuesday morning
    [InlineData("2026-11-28T10:00:00+07:00", "2026-11-30T08:00:00+07:00", "2026-11-30T17:00:00+07:00")] // Saturday
    [InlineData("2026-02-13T18:00:00+07:00", "2026-02-23T08:00:00+07:00", "2026-02-23T17:00:00+07:00")] // evening before Tết
    [InlineData("2026-11-24T12:30:00+07:00", "2026-11-24T13:00:00+07:00", "2026-11-25T12:00:00+07:00")] // lunch: 4 h that afternoon, 4 h the next morning
    [InlineData("2026-08-21T17:01:00+07:00", "2026-08-22T08:00:00+07:00", "2026-08-22T17:00:00+07:00")] // before the make-up Saturday
    [InlineData("2026-11-24T02:00:00Z", "2026-11-24T09:00:00+07:00", "2026-11-25T09:00:00+07:00")] // given in UTC
    [InlineData("2026-11-24T09:00+07:00", "2026-11-24T09:00:00+07:00", "2026-11-25T09:00:00+07:00")] // without seconds
    public async Task Birth_registration_online_is_received_and_due_by_the_working_calendar(string submitted, string received, string due)
    {
        var result = await _client.GetJsonAsync(Url("1.001193", submitted));
        Assert.Equal(received, result.GetProperty("receivedAt").GetString());
        Assert.Equal(due, result.GetProperty("dueAt").GetString());
        Assert.Equal(
            DateTimeOffset.Parse(submitted, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(result.GetProperty("submittedAt").GetString()!, CultureInfo.InvariantCulture));
        Assert.EndsWith("+07:00", result.GetProperty("submittedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shorter_online_time_limit_applies()
    {
        // 1.004873: 3 working days at the desk, 2 online.
        var result = await _client.GetJsonAsync(Url("1.004873", "2026-11-23T10:00:00+07:00"));
        Assert.Equal("2026-11-25T10:00:00+07:00", result.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task A_plus_sign_left_unencoded_in_the_query_is_still_understood()
    {
        var result = await _client.GetJsonAsync("/api/v1/procedures/1.001193/expected-date?submittedAt=2026-11-28T10:00:00+07:00");
        Assert.Equal("2026-11-30T08:00:00+07:00", result.GetProperty("receivedAt").GetString());
    }

    [Fact]
    public async Task Without_submittedAt_the_dates_are_for_a_submission_now()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var result = await _client.GetJsonAsync("/api/v1/procedures/1.001193/expected-date");
        var after = DateTimeOffset.UtcNow.AddSeconds(2);
        var text = new[] { "submittedAt", "receivedAt", "dueAt" }.Select(p => result.GetProperty(p).GetString()!).ToList();
        Assert.All(text, t => Assert.EndsWith("+07:00", t, StringComparison.Ordinal));
        var (submitted, received, due) = (Parse(text[0]), Parse(text[1]), Parse(text[2]));
        Assert.InRange(submitted, before, after);
        Assert.True(submitted <= received && received < due, string.Join(" ", text));

        static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("hom-nay")]
    [InlineData("2026-11-24T09:00:00")]
    [InlineData("2026-11-24")]
    [InlineData("2026-13-01T09:00:00+07:00")]
    [InlineData("24/11/2026 09:00")]
    [InlineData("1795327200")]
    public async Task A_submission_time_that_is_not_an_ISO_8601_instant_is_a_400_problem_naming_submittedAt(string submitted)
    {
        using var response = await _client.GetAsync(new Uri(Url("1.001193", submitted), UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("submittedAt")[0].GetString();
        Assert.Contains("submittedAt", message, StringComparison.Ordinal);
        Assert.Contains("múi giờ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_procedure_is_a_404_problem()
    {
        using var response = await _client.GetAsync(new Uri(Url("9.999999", "2026-11-24T09:00:00+07:00"), UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("9.999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_information_only_procedure_is_a_409_problem_saying_it_is_not_submitted_online()
    {
        using var response = await _client.GetAsync(new Uri(Url("DP-0001", "2026-11-24T09:00:00+07:00"), UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("trực tuyến", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_is_named_in_the_OpenAPI_document()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty("/api/v1/procedures/{code}/expected-date").GetProperty("get");
        Assert.Equal("GetExpectedDate", operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExpectedDateApiOnSqlite(SqliteApp app) : ExpectedDateApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExpectedDateApiOnPostgres(PostgresApp app) : ExpectedDateApiTests(app);
