using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Modules.Applications;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Data;
using MotCua.Web.Modules.Applications.Domain;

namespace MotCua.IntegrationTests.Common;

/// <summary>
/// Bounded, deterministic fuzzing of every operation of /openapi/v1.json: bodies that are not JSON, wrong types and odd
/// strings in every property, invalid UTF-8, bad query, header and path values, wrong content types, wrong methods and
/// broken multipart uploads, each sent anonymously and, where the operation asks for a token, as citizen1 and reception1.
/// The cases come from fixed tables (no randomness), applied to a valid request one change at a time.
/// <para>
/// Every answer must be below 500 and every 4xx a problem document whose "status" is the HTTP status; a method the path
/// does not have must get 405 with Allow, a body that is not JSON (or not multipart for the upload) 415 (or 401 without a token).
/// Rows of applications, application_events, application_documents and AspNetUsers are counted around every request
/// that is not a GET: a request that is not answered 2xx must leave them as they were (what accepted cases add is
/// listed, not counted), and the total over the run must match the requests counted one by one.
/// </para>
/// <para>
/// Violations are collected and reported together, grouped by endpoint, status, problem and the exception the app
/// logged. Both facts read the same run, made once per database.
/// </para>
/// </summary>
public abstract class ApiFuzzTests(MotCuaApp app)
{
    private static readonly ConcurrentDictionary<MotCuaApp, Lazy<Task<FuzzRun>>> Runs = new();

    private Task<FuzzRun> RunAsync() =>
        Runs.GetOrAdd(app, a => new Lazy<Task<FuzzRun>>(() => new Fuzzer(a).RunAsync())).Value;

    [Fact]
    public async Task Malformed_requests_to_every_endpoint_get_a_problem_document_and_never_a_5xx()
    {
        var run = await RunAsync();
        Assert.True(run.ResponseViolations.Count == 0, run.Report("response", run.ResponseViolations));
    }

    [Fact]
    public async Task Rejected_requests_create_no_rows()
    {
        var run = await RunAsync();
        Assert.True(run.RowViolations.Count == 0, run.Report("row", run.RowViolations) + run.AcceptedWritesReport());
    }

    // ------------------------------------------------------------------ the run

    private sealed record Operation(string Method, string Template, string Name, IReadOnlyList<Parameter> Parameters, JsonElement? JsonSchema, bool Multipart);

    private sealed record Parameter(string Name, string In, JsonElement Schema);

    private sealed record Body(byte[] Bytes, string? ContentType);

    private sealed record FuzzCase(
        Operation Operation, string Method, string Name, string Url, Body? Body, string? Identity,
        IReadOnlyList<KeyValuePair<string, string>>? Headers = null, bool WrongMethod = false, bool UnsupportedMediaType = false);

    private sealed record Violation(string Method, string Template, string Case, int Status, string Issue, string Body, string Cause = "");

    /// <summary>Rows of the tables a request could create; compared before and after every request that is not a GET.</summary>
    private sealed record RowCounts(long Applications, long Events, long Documents, long Users)
    {
        public static readonly RowCounts Zero = new(0, 0, 0, 0);

        public RowCounts Since(RowCounts before) =>
            new(Applications - before.Applications, Events - before.Events, Documents - before.Documents, Users - before.Users);

        public RowCounts Plus(RowCounts other) =>
            new(Applications + other.Applications, Events + other.Events, Documents + other.Documents, Users + other.Users);

        public override string ToString() =>
            $"applications {Applications:+0;-0;0}, application_events {Events:+0;-0;0}, application_documents {Documents:+0;-0;0}, AspNetUsers {Users:+0;-0;0}";
    }

    private sealed class FuzzRun(string provider)
    {
        private const int CasesListed = 250;

        public List<Violation> ResponseViolations { get; } = [];

        public List<Violation> RowViolations { get; } = [];

        public List<string> AcceptedWrites { get; } = [];

        public List<string> Undeliverable { get; } = [];

        public int Requests { get; set; }

        public int Operations { get; set; }

        public TimeSpan Elapsed { get; set; }

        public string Report(string kind, List<Violation> violations)
        {
            var groups = violations
                .GroupBy(v => (v.Template, v.Method, v.Status, v.Issue, v.Cause))
                .OrderBy(g => g.Key.Template, StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Status).ThenBy(g => g.Key.Issue, StringComparer.Ordinal).ThenBy(g => g.Key.Cause, StringComparer.Ordinal)
                .ToList();
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{provider}: {Requests} requests to {Operations} operations in {Elapsed.TotalSeconds:0.0} s; {violations.Count} {kind} violations in {groups.Count} groups.");
            if (Undeliverable.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"({Undeliverable.Count} cases never reached the app: the test host refuses them as Kestrel would, e.g. {Undeliverable[0]})");
            }

            foreach (var group in groups)
            {
                var (template, method, status, issue, cause) = group.Key;
                var cases = group.Select(v => v.Case).Distinct(StringComparer.Ordinal).ToList();
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{method} {template} → {status}: {issue} ({cases.Count} cases)");
                if (cause.Length > 0)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    logged: {cause}");
                }

                foreach (var body in group.Select(v => v.Body).Distinct(StringComparer.Ordinal).Take(2))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    body: {body}");
                }

                foreach (var name in cases.Take(CasesListed))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    - {name}");
                }

                if (cases.Count > CasesListed)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    … and {cases.Count - CasesListed} more");
                }
            }

            return text.ToString();
        }

        public string AcceptedWritesReport() => AcceptedWrites.Count == 0
            ? string.Empty
            : $"{Environment.NewLine}Accepted (2xx) requests that changed rows, left out of the check:{Environment.NewLine}    "
                + string.Join(Environment.NewLine + "    ", AcceptedWrites);
    }

    /// <summary>Collects what the app logs as errors with an exception, so a 5xx in the report says what broke.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public static ErrorLog AttachTo(MotCuaApp app)
        {
            var log = new ErrorLog();
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
            return log;
        }

        /// <summary>The first error logged since the last call, if any.</summary>
        public string? Drain()
        {
            string? first = null;
            while (_errors.TryDequeue(out var error))
            {
                first ??= error;
            }

            return first;
        }

        public ILogger CreateLogger(string categoryName) => new Logger(_errors);

        public void Dispose()
        {
        }

        private static string Describe(Exception exception)
        {
            var chain = new List<string>();
            var inner = exception;
            for (var e = exception; e is not null; e = e.InnerException)
            {
                chain.Add(e.GetType().Name);
                inner = e;
            }

            var message = inner.Message.Split('\n')[0];
            foreach (var noise in NoiseMarkers)
            {
                var at = message.IndexOf(noise, StringComparison.Ordinal);
                message = at > 0 ? message[..at] : message;
            }

            message = message.Length > 160 ? message[..160] + "…" : message;
            return $"{string.Join(" → ", chain.Distinct(StringComparer.Ordinal))}: {message.Trim()}";
        }

        // Positions and values that would split one failure into many groups.
        private static readonly string[] NoiseMarkers = [" Path: ", " | LineNumber", " LineNumber:", " (Parameter", " Actual value", " at index "];

        private sealed class Logger(ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null && IsEnabled(logLevel))
                {
                    errors.Enqueue(Describe(exception));
                }
            }
        }
    }

    /// <summary>The real things the valid requests point at, made before the counted window.</summary>
    private sealed record Targets(
        int WardId, string Code, Guid DocumentId, string CitizenTransitionCode, string OfficerTransitionCode,
        string CitizenUploadCode, string OfficerUploadCode, string OtherApplicantCode);

    private sealed class Fuzzer(MotCuaApp app)
    {
        private const string Citizen = "citizen1";
        private const string Reception = "reception1";
        private const string CountSql = """
            SELECT (SELECT COUNT(*) FROM applications) AS "Applications",
                   (SELECT COUNT(*) FROM application_events) AS "Events",
                   (SELECT COUNT(*) FROM application_documents) AS "Documents",
                   (SELECT COUNT(*) FROM "AspNetUsers") AS "Users"
            """;

        private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
        private static readonly WebApplicationFactoryClientOptions ApiClient = new() { AllowAutoRedirect = false, HandleCookies = false };
        private static readonly string[] Users = [Citizen, Reception];
        private static readonly string?[] Anonymous = [null];
        private static readonly string?[] AnonymousAndUsers = [null, Citizen, Reception];

        /// <summary>Outside systems' endpoints take a system key, not a person's token.</summary>
        private const string SystemKey = "system";
        private static readonly string?[] AnonymousAndSystem = [null, SystemKey];
        private static readonly string?[] AnonymousAndCitizen = [null, Citizen];
        private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _transitionTargets = new(StringComparer.Ordinal);
        private readonly FuzzRun _run = new(app.ProviderName);
        private readonly ErrorLog _errors = ErrorLog.AttachTo(app);
        private HttpClient _anonymous = null!;
        private Targets _targets = null!;
        private JsonElement _schemas;

        // The count after the last request that was counted, while no GET has been sent since (GETs are checked by the total).
        private RowCounts? _lastCount;

        public async Task<FuzzRun> RunAsync()
        {
            var clock = Stopwatch.StartNew();
            _anonymous = app.CreateClient(ApiClient);
            var lastApplication = await LastApplicationIdAsync();
            try
            {
                foreach (var user in Users)
                {
                    _clients[user] = await TokenClientAsync(user);
                }

                _clients[SystemKey] = app.SystemClient();

                _targets = await PrepareAsync();
                _transitionTargets[Citizen] = _targets.CitizenTransitionCode;
                _transitionTargets[Reception] = _targets.OfficerTransitionCode;
                var operations = await ReadOperationsAsync();
                var secured = await SecuredAsync(operations);
                _run.Operations = operations.Count;

                var before = await CountRowsAsync();
                var attributed = RowCounts.Zero;
                foreach (var operation in operations)
                {
                    var identities = !secured.Contains(operation) ? Anonymous
                        : operation.Template.StartsWith("/api/v1/system/", StringComparison.Ordinal) ? AnonymousAndSystem
                        : AnonymousAndUsers;
                    foreach (var identity in identities)
                    {
                        foreach (var fuzzCase in CasesFor(operation, identity))
                        {
                            var (changed, status) = await SendAsync(fuzzCase);
                            attributed = attributed.Plus(changed);
                            if (status is >= 200 and < 300 && fuzzCase.Operation.Name == "TransitionApplication" && fuzzCase.Identity is { } user)
                            {
                                // An accepted action moved the application on; the next case gets a new one, so cases still reach the database.
                                attributed = attributed.Plus(await FreshTransitionTargetAsync(user));
                            }
                        }
                    }
                }

                foreach (var fuzzCase in WrongMethodCases(operations))
                {
                    attributed = attributed.Plus((await SendAsync(fuzzCase)).Changed);
                }

                var unexplained = (await CountRowsAsync()).Since(before).Since(attributed);
                if (unexplained != RowCounts.Zero)
                {
                    _run.RowViolations.Add(new Violation("GET", "(all GET requests)", "the whole run", 0,
                        $"rows changed outside the requests counted one by one: {unexplained}", string.Empty));
                }
            }
            finally
            {
                _anonymous.Dispose();
                foreach (var client in _clients.Values)
                {
                    client.Dispose();
                }

                await RemoveApplicationsAfterAsync(lastApplication);
            }

            _run.Elapsed = clock.Elapsed;
            return _run;
        }

        private async Task<HttpClient> TokenClientAsync(string userName)
        {
            var client = app.CreateClient(ApiClient);
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = MotCuaApp.DemoPassword });
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<MotCuaApp.TokenBody>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
            return client;
        }

        /// <summary>Applications for the valid requests: one per kind of use, so an accepted case does not starve the others.</summary>
        private async Task<Targets> PrepareAsync()
        {
            var citizen = _clients[Citizen];
            var code = await LifecycleApi.SubmitBirthAsync(app, citizen, "Lê Minh Phúc");
            Guid documentId;
            using (var upload = await LifecycleApi.AttachAsync(citizen, code, LifecycleApi.BirthCertificate, LifecycleApi.Pdf))
            {
                Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);
                documentId = (await upload.ReadJsonAsync()).GetProperty("id").GetGuid();
            }

            await LifecycleApi.ActOkAsync(_clients[Reception], code, new { action = "receive" });
            return new Targets(
                await LifecycleApi.WardIdAsync(app),
                code,
                documentId,
                await LifecycleApi.SubmitBirthAsync(app, citizen, "Lê Minh Quang"),
                await LifecycleApi.SubmitBirthAsync(app, citizen, "Lê Minh Quân"),
                await LifecycleApi.SubmitBirthAsync(app, citizen, "Lê Minh Tâm"),
                await LifecycleApi.SubmitBirthAsync(app, citizen, "Lê Minh Trí"),
                await LifecycleApi.SubmitBirthAsync(app, await app.ApiClientFor("citizen2"), "Trần Gia Bảo"));
        }

        private async Task<List<Operation>> ReadOperationsAsync()
        {
            var document = await _anonymous.GetJsonAsync("/openapi/v1.json");
            _schemas = document.GetProperty("components").GetProperty("schemas");
            var operations = new List<Operation>();
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var entry in path.Value.EnumerateObject())
                {
                    var method = entry.Name.ToUpperInvariant();
                    if (!Methods.Contains(method, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    var parameters = entry.Value.TryGetProperty("parameters", out var list)
                        ? list.EnumerateArray().Select(p => new Parameter(
                            p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                        : [];
                    JsonElement? json = null;
                    var multipart = false;
                    if (entry.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                    {
                        foreach (var media in content.EnumerateObject())
                        {
                            if (media.Name.StartsWith("application/json", StringComparison.Ordinal))
                            {
                                json = media.Value.TryGetProperty("schema", out var schema) ? schema : default;
                            }

                            multipart |= media.Name.StartsWith("multipart/form-data", StringComparison.Ordinal);
                        }
                    }

                    var name = entry.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{method} {path.Name}";
                    operations.Add(new Operation(method, path.Name, name, parameters, json, multipart));
                }
            }

            Assert.NotEmpty(operations);
            return operations;
        }

        /// <summary>Which operations challenge an anonymous caller for a bearer token (the document does not say).</summary>
        private async Task<HashSet<Operation>> SecuredAsync(List<Operation> operations)
        {
            var secured = new HashSet<Operation>();
            foreach (var operation in operations)
            {
                var url = Url(operation.Template, PathValues(operation, null), ValidQuery(operation));
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(url, UriKind.Relative));
                if (operation.JsonSchema is not null || operation.Multipart)
                {
                    // Not a valid body: a request that passes the authorization check must not be accepted here.
                    var probe = operation.Multipart ? Form(NamePart) : new Body(Utf8("{}"), "application/json");
                    request.Content = new ByteArrayContent(probe.Bytes);
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.ContentType);
                }

                using var response = await _anonymous.SendAsync(request);
                if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Count > 0)
                {
                    secured.Add(operation);
                }
            }

            Assert.NotEmpty(secured);
            return secured;
        }

        private async Task<long> LastApplicationIdAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<Application>().MaxAsync(a => (long?)a.Id) ?? 0;
        }

        /// <summary>
        /// The run leaves hundreds of applications in the demo ward, which would push the applications of the tests that
        /// share this database off the first page of an inbox: once checked, they go (children first, the keys are Restrict).
        /// </summary>
        private async Task RemoveApplicationsAfterAsync(long lastApplication)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();

            // Their indicator counters are taken back once every message about them has been counted.
            await OutboxTests.EventuallyAsync(async () => await db.Set<OutboxDelivery>()
                .AnyAsync(d => d.Consumer == MotCua.Web.Modules.Indicators.Rollups.IndicatorConsumer.ConsumerName && d.State != DeliveryState.Delivered) ? null : (bool?)true, seconds: 60);
            var ids = await db.Set<Application>().Where(a => a.Id > lastApplication).Select(a => a.Id).ToListAsync();
            var added = db.Set<Application>().Where(a => a.Id > lastApplication).Select(a => a.Id);
            await db.Set<SubmissionKey>().Where(k => added.Contains(k.ApplicationId)).ExecuteDeleteAsync();
            await db.Set<ApplicationDocument>().Where(d => added.Contains(d.ApplicationId)).ExecuteDeleteAsync();
            await db.Set<ApplicationEvent>().Where(e => added.Contains(e.ApplicationId)).ExecuteDeleteAsync();
            await db.Set<Application>().Where(a => a.Id > lastApplication).ExecuteDeleteAsync();
            await scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Indicators.Rollups.IndicatorRollup>().ForgetAsync(ids, CancellationToken.None);
        }

        private async Task<RowCounts> CountRowsAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return (await db.Database.SqlQueryRaw<RowCounts>(CountSql).ToListAsync()).Single();
        }

        /// <summary>Sends one case, records what is wrong with the answer and returns the rows it changed (zero for a GET).</summary>
        private async Task<(RowCounts Changed, int Status)> SendAsync(FuzzCase fuzzCase)
        {
            _run.Requests++;
            var counted = fuzzCase.Method != "GET";
            var before = counted ? _lastCount ?? await CountRowsAsync() : RowCounts.Zero;
            _lastCount = null;
            var caseName = $"{fuzzCase.Name} [{fuzzCase.Identity ?? "anonymous"}]";
            // Signing out ends the token it is sent with: that case gets a token of its own, the others keep theirs.
            var client = fuzzCase.Identity is null ? _anonymous
                : fuzzCase.Operation.Name == "RevokeToken" ? await TokenClientAsync(fuzzCase.Identity)
                : _clients[fuzzCase.Identity];
            using var request = new HttpRequestMessage(new HttpMethod(fuzzCase.Method), new Uri(fuzzCase.Url, UriKind.Relative));
            if (fuzzCase.Body is { } body)
            {
                request.Content = new ByteArrayContent(body.Bytes);
                if (body.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
                }
            }

            foreach (var (name, value) in fuzzCase.Headers ?? [])
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            _errors.Drain();
            var status = 0;
            string text;
            var issues = new List<string>();
            using var timeout = new CancellationTokenSource(RequestTimeout);
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync(timeout.Token);
                issues.AddRange(Check(fuzzCase, response, text));
            }
            catch (Exception e) // whatever escapes the server (or a timeout) is a finding, and the run goes on
            {
                if (e is InvalidOperationException && e.StackTrace?.Contains("PathString.FromUriComponent", StringComparison.Ordinal) == true)
                {
                    // The host's URL decoder refuses it before the app runs (Kestrel answers 400 itself): nothing to check here.
                    _run.Undeliverable.Add($"{fuzzCase.Method} {fuzzCase.Operation.Template} {caseName}: {e.Message}");
                    return (RowCounts.Zero, 0);
                }

                text = $"{e.GetType().Name}: {e.Message}";
                issues.Add($"no answer ({e.GetType().Name})");
            }

            var excerpt = Excerpt(text);
            var cause = _errors.Drain() ?? string.Empty;
            foreach (var issue in issues)
            {
                _run.ResponseViolations.Add(new Violation(fuzzCase.Method, fuzzCase.Operation.Template, caseName, status, issue, excerpt, cause));
            }

            if (!counted)
            {
                return (RowCounts.Zero, status);
            }

            _lastCount = await CountRowsAsync();
            var changed = _lastCount.Since(before);
            if (changed != RowCounts.Zero)
            {
                if (status is >= 200 and < 300)
                {
                    _run.AcceptedWrites.Add($"{fuzzCase.Method} {fuzzCase.Operation.Template} {caseName} → {status}: {changed}");
                }
                else
                {
                    _run.RowViolations.Add(new Violation(fuzzCase.Method, fuzzCase.Operation.Template, caseName, status,
                        $"a rejected request changed rows: {changed}", excerpt, cause));
                }
            }

            return (changed, status);
        }

        private async Task<RowCounts> FreshTransitionTargetAsync(string user)
        {
            var before = _lastCount ?? await CountRowsAsync();
            var body = new { procedureCode = LifecycleApi.Birth, unitId = _targets.WardId, form = LifecycleApi.BirthForm("Lê Minh Khang") };
            using (var response = await LifecycleApi.SubmitAsync(_clients[Citizen], body))
            {
                Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
                _transitionTargets[user] = (await response.ReadJsonAsync()).GetProperty("code").GetString()!;
            }

            _lastCount = await CountRowsAsync();
            return _lastCount.Since(before);
        }

        private static IEnumerable<string> Check(FuzzCase fuzzCase, HttpResponseMessage response, string body)
        {
            var status = (int)response.StatusCode;
            var media = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500)
            {
                yield return $"server error ({media ?? "no Content-Type"})";
            }

            if (status is >= 300 and < 400)
            {
                yield return $"redirect from an API endpoint (to {response.Headers.Location?.OriginalString})";
            }

            if (fuzzCase.WrongMethod && status != 405)
            {
                yield return "wrong method: expected 405 Method Not Allowed";
            }

            if (fuzzCase.WrongMethod && status == 405 && response.Content.Headers.Allow.Count == 0)
            {
                yield return "405 without an Allow header";
            }

            // Checking the token before the body is fair: a caller without one may get 401 instead.
            // An endpoint whose policy names a role refuses anyone without it (403) before it reads the body.
            if (fuzzCase.UnsupportedMediaType && status != 415 && !(status == 401 && fuzzCase.Identity is null) && !(status == 403 && fuzzCase.Identity is not null))
            {
                yield return "a body the endpoint cannot read: expected 415 Unsupported Media Type";
            }

            if (status is >= 400 and < 500)
            {
                if (media != "application/problem+json")
                {
                    yield return $"4xx with Content-Type {media ?? "(none)"}, not application/problem+json";
                }
                else if (!HasStatus(body, status))
                {
                    yield return "problem document without a \"status\" equal to the HTTP status";
                }
            }
        }

        private static bool HasStatus(string body, int status)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var value)
                    && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number == status;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string Excerpt(string body)
        {
            var head = body.Length > 4000 ? body[..4000] : body;
            var flat = string.Join(' ', head.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
            return flat.Length <= 200 ? flat : flat[..200] + "…";
        }

        // -------------------------------------------------------------- valid requests

        private Dictionary<string, string> PathValues(Operation operation, string? identity)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            {
                values[parameter.Name] = Uri.EscapeDataString(parameter.Name switch
                {
                    "code" when operation.Template.StartsWith("/api/v1/procedures", StringComparison.Ordinal) => LifecycleApi.Birth,
                    "code" when operation.Template.EndsWith("/transitions", StringComparison.Ordinal) => _transitionTargets[identity is null or SystemKey ? Citizen : identity],
                    "code" when operation.Multipart => identity == Reception ? _targets.OfficerUploadCode : _targets.CitizenUploadCode,
                    "code" => _targets.Code,
                    "id" when operation.Template.StartsWith("/api/v1/admin/units/", StringComparison.Ordinal) => _targets.WardId.ToString(CultureInfo.InvariantCulture),
                    "id" => _targets.DocumentId.ToString(),
                    "kind" => "receipt",
                    "unitId" => _targets.WardId.ToString(CultureInfo.InvariantCulture),
                    _ => "1",
                });
            }

            return values;
        }

        private List<KeyValuePair<string, string>> ValidQuery(Operation operation) =>
            operation.Parameters.Where(p => p.In == "query")
                .Select(p => (p.Name, Value: p.Name switch
                {
                    "q" => Uri.EscapeDataString("khai sinh"),
                    "unitId" => _targets.WardId.ToString(CultureInfo.InvariantCulture),
                    "onlineLevel" => "Full",
                    "page" => "1",
                    "pageSize" => "20",
                    "mine" => "true",
                    "status" => "Submitted",
                    "from" => "2026-01-01",
                    "to" => "2026-12-31",
                    "format" => "pdf",
                    "submittedAt" => Uri.EscapeDataString("2026-11-24T09:00:00+07:00"),
                    _ => null,
                }))
                .Where(p => p.Value is not null)
                .Select(p => KeyValuePair.Create(p.Name, p.Value!))
                .ToList();

        private JsonObject ValidBody(Operation operation, string? identity) => operation.Name switch
        {
            // A name with no account: a wrong password for a demo account would lock it out for the other tests.
            "IssueToken" => new JsonObject { ["userName"] = "fuzz-khong-co-tai-khoan", ["password"] = MotCuaApp.DemoPassword },
            "SubmitApplication" when identity == Reception => new JsonObject
            {
                ["procedureCode"] = LifecycleApi.Birth,
                ["unitId"] = _targets.WardId,
                ["channel"] = "Counter",
                ["applicant"] = new JsonObject
                {
                    ["name"] = "Vũ Thị Hoa",
                    ["identityNumber"] = "001190000099",
                    ["phone"] = "0912000099",
                    ["email"] = "hoa@example.vn",
                    ["address"] = "Số 3 đường Lê Lợi, phường An Phú",
                },
                ["form"] = JsonSerializer.SerializeToNode(LifecycleApi.BirthForm()),
            },
            "SubmitApplication" => new JsonObject
            {
                ["procedureCode"] = LifecycleApi.Birth,
                ["unitId"] = _targets.WardId,
                ["form"] = JsonSerializer.SerializeToNode(LifecycleApi.BirthForm()),
            },
            "TransitionApplication" when identity == Reception => new JsonObject { ["action"] = "receive", ["note"] = "Đã kiểm tra đủ giấy tờ" },
            "TransitionApplication" => new JsonObject { ["action"] = "withdraw", ["note"] = "Tôi xin rút hồ sơ" },
            _ => new JsonObject(),
        };

        private static string Url(string template, IReadOnlyDictionary<string, string> path, IReadOnlyList<KeyValuePair<string, string>> query)
        {
            var url = template;
            foreach (var (name, value) in path)
            {
                url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }

            return query.Count == 0 ? url : url + "?" + string.Join('&', query.Select(q => q.Key + "=" + q.Value));
        }

        private static Dictionary<string, string> With(Dictionary<string, string> values, string name, string value) =>
            new(values, StringComparer.Ordinal) { [name] = value };

        private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> query, string name, string value) =>
            [.. query.Where(q => q.Key != name), KeyValuePair.Create(name, value)];

        // -------------------------------------------------------------- case generators

        private IEnumerable<FuzzCase> CasesFor(Operation operation, string? identity)
        {
            var query = ValidQuery(operation);
            var json = operation.JsonSchema is not null ? ValidBody(operation, identity) : null;
            var body = json is not null ? new Body(Utf8(json.ToJsonString()), "application/json") : operation.Multipart ? ValidUpload : null;
            // Path values are read when a case is made: the application behind a valid path can change during the run.
            Dictionary<string, string> ValidPath() => PathValues(operation, identity);
            FuzzCase Case(string name, Dictionary<string, string> p, List<KeyValuePair<string, string>> q, Body? b,
                IReadOnlyList<KeyValuePair<string, string>>? headers = null, bool unsupported = false) =>
                new(operation, operation.Method, name, Url(operation.Template, p, q), b, identity, headers, UnsupportedMediaType: unsupported);

            yield return Case("valid request", ValidPath(), query, body);

            // Bodies first: an upload accepted later would count against the application's 30 files.
            if (json is not null)
            {
                foreach (var (name, bytes) in WholeBodies(json))
                {
                    yield return Case($"body {name}", ValidPath(), query, new Body(bytes, "application/json"));
                }

                foreach (var (name, contentType, bytes, unsupported) in ContentTypes(body!.Bytes))
                {
                    yield return Case($"content type {name}", ValidPath(), query, new Body(bytes, contentType), unsupported: unsupported);
                }

                foreach (var leaf in Leaves(operation.JsonSchema!.Value, json, [], 0))
                {
                    foreach (var (name, value) in ValuesFor(leaf))
                    {
                        yield return Case($"body {leaf.Display} = {name}", ValidPath(), query, new Body(Splice(json, leaf.Path, value), "application/json"));
                    }
                }
            }

            if (operation.Multipart)
            {
                foreach (var (name, upload) in Uploads())
                {
                    var unsupported = upload.ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) != true;
                    yield return Case($"multipart {name}", ValidPath(), query, upload, unsupported: unsupported);
                }
            }

            foreach (var header in operation.Parameters.Where(p => p.In == "header"))
            {
                foreach (var (name, value) in HeaderValues)
                {
                    yield return Case($"header {header.Name}: {name}", ValidPath(), query, body, [KeyValuePair.Create(header.Name, value)]);
                }
            }

            foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            {
                var real = ValidPath()[parameter.Name];
                foreach (var (name, value) in TrickyPathValues(real))
                {
                    yield return Case($"path {{{parameter.Name}}} = {name}", With(ValidPath(), parameter.Name, value), query, body);
                }

                if (parameter.Name == "code" && !operation.Template.StartsWith("/api/v1/procedures", StringComparison.Ordinal))
                {
                    yield return Case($"path {{{parameter.Name}}} = another applicant's application", With(ValidPath(), parameter.Name, _targets.OtherApplicantCode), query, body);
                }
            }

            foreach (var (name, value) in CommonQueries)
            {
                yield return Case($"query {name}={value}", ValidPath(), With(query, name, value), body);
            }

            var queryParameters = operation.Parameters.Where(p => p.In == "query").ToList();
            foreach (var parameter in queryParameters)
            {
                foreach (var (name, value) in QueryValues(parameter))
                {
                    yield return Case($"query {parameter.Name} = {name}", ValidPath(), With(query, parameter.Name, value), body);
                }

                var valid = query.FirstOrDefault(q => q.Key == parameter.Name).Value ?? "1";
                yield return Case($"query {parameter.Name} repeated", ValidPath(), [.. query, KeyValuePair.Create(parameter.Name, valid)], body);
            }

            var dates = queryParameters.Where(p => Describe(p.Schema).Format == "date").Select(p => p.Name).ToList();
            if (dates.Count > 0)
            {
                foreach (var (name, values) in DateRanges)
                {
                    var ranged = query;
                    for (var i = 0; i < dates.Count; i++)
                    {
                        ranged = With(ranged, dates[i], values[Math.Min(i, values.Length - 1)]);
                    }

                    yield return Case($"query {string.Join('&', dates)} = {name}", ValidPath(), ranged, body);
                }
            }
        }

        /// <summary>Methods a documented path does not have must get 405 with an Allow header.</summary>
        private IEnumerable<FuzzCase> WrongMethodCases(List<Operation> operations)
        {
            foreach (var group in operations.GroupBy(o => o.Template, StringComparer.Ordinal))
            {
                var documented = group.Select(o => o.Method).ToList();
                var operation = group.First();
                var url = Url(operation.Template, PathValues(operation, Citizen), []);
                foreach (var method in Methods.Where(m => !documented.Contains(m, StringComparer.Ordinal)))
                {
                    foreach (var identity in AnonymousAndCitizen)
                    {
                        var body = method is "GET" or "DELETE" ? null : new Body(Utf8("{}"), "application/json");
                        yield return new FuzzCase(operation, method, $"{method} instead of {string.Join('/', documented)}", url, body, identity, WrongMethod: true);
                    }
                }
            }
        }

        // -------------------------------------------------------------- JSON bodies

        private sealed record Leaf(IReadOnlyList<object> Path, string Kind, string? Format)
        {
            public string Display => string.Concat(Path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));
        }

        /// <summary>Every property the schema declares (two levels deep, first array item included) and every property of the valid body.</summary>
        private IEnumerable<Leaf> Leaves(JsonElement schema, JsonNode? sample, List<object> path, int depth)
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            var resolved = Resolve(schema);
            if (resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    declared.Add(property.Name);
                    List<object> childPath = [.. path, property.Name];
                    var child = (sample as JsonObject)?[property.Name];
                    var (kind, format, inner) = Describe(property.Value);
                    yield return new Leaf(childPath, kind, format);
                    if (depth >= 2)
                    {
                        continue;
                    }

                    IEnumerable<Leaf> nested = kind switch
                    {
                        "object" => Leaves(inner, child, childPath, depth + 1),
                        "array" when inner.TryGetProperty("items", out var items) && Describe(items).Kind == "object" =>
                            Leaves(items, (child as JsonArray)?.FirstOrDefault(), [.. childPath, 0], depth + 1),
                        "any" => SampleLeaves(child, childPath, includeSelf: false),
                        _ => [],
                    };
                    foreach (var leaf in nested)
                    {
                        yield return leaf;
                    }
                }
            }

            if (sample is JsonObject o)
            {
                foreach (var (name, value) in o)
                {
                    if (!declared.Contains(name))
                    {
                        foreach (var leaf in SampleLeaves(value, [.. path, name], includeSelf: true))
                        {
                            yield return leaf;
                        }
                    }
                }
            }
        }

        /// <summary>The fields of a free-form object (the e-form) are all alike to the API: the first few stand for the rest.</summary>
        private const int FreeFormFields = 3;

        private static IEnumerable<Leaf> SampleLeaves(JsonNode? node, List<object> path, bool includeSelf)
        {
            if (includeSelf)
            {
                yield return new Leaf(path, node switch
                {
                    JsonObject => "object",
                    JsonArray => "array",
                    JsonValue v => v.GetValueKind() switch
                    {
                        JsonValueKind.String => "string",
                        JsonValueKind.Number => "number",
                        JsonValueKind.True or JsonValueKind.False => "boolean",
                        _ => "any",
                    },
                    _ => "any",
                }, null);
            }

            if (node is JsonObject o)
            {
                foreach (var (name, value) in o.Take(FreeFormFields))
                {
                    foreach (var leaf in SampleLeaves(value, [.. path, name], includeSelf: true))
                    {
                        yield return leaf;
                    }
                }
            }
        }

        private JsonElement Resolve(JsonElement schema)
        {
            while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            {
                schema = _schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }

            return schema;
        }

        /// <summary>The kind of value a schema wants: integer, number, boolean, string, enum, array, object or any.</summary>
        private (string Kind, string? Format, JsonElement Schema) Describe(JsonElement schema)
        {
            var s = Resolve(schema);
            if (s.ValueKind != JsonValueKind.Object)
            {
                return ("any", null, s);
            }

            foreach (var combinator in Combinators)
            {
                if (s.TryGetProperty(combinator, out var options))
                {
                    foreach (var option in options.EnumerateArray())
                    {
                        if (!(option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                        {
                            return Describe(option);
                        }
                    }
                }
            }

            var format = s.TryGetProperty("format", out var f) ? f.GetString() : null;
            if (s.TryGetProperty("enum", out _))
            {
                return ("enum", format, s);
            }

            List<string> types = !s.TryGetProperty("type", out var type) ? []
                : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(x => x.GetString()!).ToList()
                : [type.GetString()!];
            foreach (var kind in KindPreference)
            {
                if (types.Contains(kind, StringComparer.Ordinal))
                {
                    return (kind, format, s);
                }
            }

            return (s.TryGetProperty("properties", out _) ? "object" : "any", format, s);
        }

        private static readonly string[] Combinators = ["oneOf", "anyOf", "allOf"];

        // "integer" before "string": integers are documented as ["integer", "string"] with a pattern.
        private static readonly string[] KindPreference = ["integer", "number", "boolean", "array", "object", "string"];

        private const string Placeholder = "__fuzz-value__";

        /// <summary>The valid body with the value at <paramref name="path"/> replaced by raw bytes (which need not be valid UTF-8 or JSON).</summary>
        private static byte[] Splice(JsonObject body, IReadOnlyList<object> path, byte[] value)
        {
            var clone = body.DeepClone();
            SetAt(clone, path, JsonValue.Create(Placeholder));
            var text = clone.ToJsonString();
            var marker = "\"" + Placeholder + "\"";
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            return [.. Utf8(text[..at]), .. value, .. Utf8(text[(at + marker.Length)..])];
        }

        private static void SetAt(JsonNode root, IReadOnlyList<object> path, JsonNode value)
        {
            var node = root;
            for (var i = 0; i < path.Count; i++)
            {
                var last = i == path.Count - 1;
                JsonNode container = !last && path[i + 1] is int ? new JsonArray() : new JsonObject();
                if (path[i] is string name)
                {
                    var o = node.AsObject();
                    if (last)
                    {
                        o[name] = value;
                        return;
                    }

                    if (o[name] is not (JsonObject or JsonArray))
                    {
                        o[name] = container;
                    }

                    node = o[name]!;
                }
                else
                {
                    var index = (int)path[i];
                    var a = node.AsArray();
                    while (a.Count <= index)
                    {
                        a.Add(null);
                    }

                    if (last)
                    {
                        a[index] = value;
                        return;
                    }

                    a[index] ??= container;
                    node = a[index]!;
                }
            }
        }

        private static IEnumerable<(string Name, byte[] Json)> ValuesFor(Leaf leaf)
        {
            // A value of the leaf's own JSON kind is not a wrong type (numbers stay: their range is the point for integers).
            var own = leaf.Kind switch
            {
                "string" => "string",
                "boolean" => "boolean",
                "object" => "object",
                "array" => "array",
                _ => null,
            };
            foreach (var (name, json, kind) in WrongTypes)
            {
                if (kind != own)
                {
                    yield return (name, Utf8(json));
                }
            }

            (string, byte[])[] extras = leaf.Kind switch
            {
                "string" when leaf.Format == "date-time" => [.. TrickyStrings, .. InvalidUtf8, .. DateTimes],
                "string" => [.. TrickyStrings, .. InvalidUtf8],
                "integer" or "number" => IntegerEdges,
                "enum" => EnumValues,
                "array" => ArrayValues,
                "object" => ObjectValues,
                "any" => AnyValues,
                _ => [],
            };
            foreach (var extra in extras)
            {
                yield return extra;
            }
        }

        private static IEnumerable<(string Name, byte[] Bytes)> WholeBodies(JsonObject valid)
        {
            var text = valid.ToJsonString();
            var bytes = Utf8(text);
            yield return ("empty", []);
            yield return ("{", Utf8("{"));
            yield return ("[", Utf8("["));
            yield return ("}", Utf8("}"));
            yield return ("null", Utf8("null"));
            yield return ("a number", Utf8("5"));
            yield return ("a string", Utf8("\"text\""));
            yield return ("true", Utf8("true"));
            yield return ("an empty array", Utf8("[]"));
            yield return ("the valid body in an array", Utf8("[" + text + "]"));
            yield return ("an empty object", Utf8("{}"));
            yield return ("the valid body cut in half", bytes[..(bytes.Length / 2)]);
            yield return ("the valid body twice", [.. bytes, .. bytes]);
            yield return ("trailing garbage", Utf8(text + "}}"));
            yield return ("trailing comma", Utf8(text.Length > 2 ? text[..^1] + ",}" : "{,}"));
            yield return ("single quotes", Utf8("{'action':'receive'}"));
            yield return ("unquoted property name", Utf8("{action:1}"));
            yield return ("a comment", Utf8("/* chú thích */" + text));
            yield return ("NaN", Utf8("{\"x\":NaN}"));
            yield return ("UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. bytes]);
            yield return ("a leading 0xFF byte", [0xFF, .. bytes]);
            yield return ("a leading NUL byte", [0x00, .. bytes]);
            yield return ("a raw NUL byte in a string", [.. Utf8("{\"x\":\"a"), 0x00, .. Utf8("b\"}")]);
            yield return ("a raw control character in a string", [.. Utf8("{\"x\":\"a"), 0x01, .. Utf8("b\"}")]);
            yield return ("a raw line break in a string", Utf8("{\"x\":\"a\nb\"}"));
            yield return ("encoded as UTF-16", Encoding.Unicode.GetBytes(text));
            yield return ("10 000 nested arrays", Utf8(new string('[', 10_000) + new string(']', 10_000)));
            yield return ("10 000 nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
            yield return ("1 000 000 spaces before it", Utf8(new string(' ', 1_000_000) + text));
            if (valid.Count > 0)
            {
                var first = valid.First().Key;
                yield return ($"duplicate property {first}", Utf8("{\"" + first + "\":\"dup\"," + text[1..]));
            }
        }

        /// <summary>Content types for a JSON endpoint; those that are not JSON at all must be refused with 415.</summary>
        private static IEnumerable<(string Name, string? ContentType, byte[] Bytes, bool Unsupported)> ContentTypes(byte[] valid)
        {
            yield return ("text/plain", "text/plain", valid, true);
            yield return ("application/xml", "application/xml", valid, true);
            yield return ("application/xml with an XML body", "application/xml", Utf8("<TokenRequest><userName>a</userName></TokenRequest>"), true);
            yield return ("none", null, valid, true);
            yield return ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded", Utf8("action=receive&userName=a"), true);
            yield return ("multipart/form-data", ValidUpload.ContentType, ValidUpload.Bytes, true);
            yield return ("malformed", "application/json; ;==;", valid, true);
            yield return ("*/*", "*/*", valid, true);
            yield return ("application/json; charset=iso-8859-1", "application/json; charset=iso-8859-1", valid, false);
            yield return ("application/json; charset=utf-16 with UTF-8 bytes", "application/json; charset=utf-16", valid, false);
            yield return ("application/json; charset=bogus", "application/json; charset=bogus", valid, false);
        }

        // -------------------------------------------------------------- multipart

        private const string Boundary = "fuzz-7MA4YWxkTrZu0gW";

        private static byte[] Part(string headers, byte[] content) =>
            [.. Utf8($"--{Boundary}\r\n{headers}\r\n\r\n"), .. content, .. Utf8("\r\n")];

        private static byte[] RawPart(byte[] headers, byte[] content) =>
            [.. Utf8($"--{Boundary}\r\n"), .. headers, .. Utf8("\r\n\r\n"), .. content, .. Utf8("\r\n")];

        private static byte[] FilePart(string fileName = "giay-chung-sinh.pdf", byte[]? content = null, string field = "file") =>
            Part($"Content-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf", content ?? LifecycleApi.Pdf);

        private static byte[] Field(string name, byte[] value) => Part($"Content-Disposition: form-data; name=\"{name}\"", value);

        private static byte[] Field(string name, string value) => Field(name, Utf8(value));

        private static Body Form(params byte[][] parts) =>
            new([.. parts.SelectMany(p => p), .. Utf8($"--{Boundary}--\r\n")], $"multipart/form-data; boundary={Boundary}");

        private static readonly byte[] NamePart = Field("name", LifecycleApi.BirthCertificate);
        private static readonly byte[] KindPart = Field("kind", "Input");
        private static readonly Body ValidUpload = Form(FilePart(), NamePart, KindPart);

        private static Body NamedUpload(byte[] name) => Form(FilePart(), Field("name", name), KindPart);

        private static Body KindUpload(string kind) => Form(FilePart(), NamePart, Field("kind", kind));

        private static Body FileNamed(byte[] disposition) =>
            Form(RawPart([.. disposition, .. Utf8("\r\nContent-Type: application/pdf")], LifecycleApi.Pdf), NamePart, KindPart);

        private static IEnumerable<(string Name, Body Body)> Uploads()
        {
            var valid = ValidUpload.Bytes;
            yield return ("without a file part", Form(NamePart, KindPart));
            yield return ("an empty file", Form(FilePart(content: []), NamePart, KindPart));
            yield return ("the file in a part named files", Form(FilePart(field: "files"), NamePart, KindPart));
            yield return ("two files", Form(FilePart(), FilePart(), NamePart, KindPart));
            yield return ("an EXE named .pdf", Form(FilePart(content: [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), NamePart, KindPart));
            yield return ("an HTML page named .pdf", Form(FilePart(content: Utf8("<html><script>alert(1)</script></html>")), NamePart, KindPart));
            yield return ("a PDF just over 10 MB", Form(FilePart(content: [.. "%PDF-1.4\n"u8, .. new byte[(10 * 1024 * 1024) - 8]]), NamePart, KindPart));
            yield return ("file name ../../../etc/passwd", Form(FilePart("../../../etc/passwd"), NamePart, KindPart));
            yield return ("file name ..\\..\\boot.ini", Form(FilePart("..\\..\\boot.ini"), NamePart, KindPart));
            yield return ("file name with a NUL byte", FileNamed([.. Utf8("Content-Disposition: form-data; name=\"file\"; filename=\"a"), 0x00, .. Utf8("b.pdf\"")]));
            yield return ("file name in invalid UTF-8", FileNamed([.. Utf8("Content-Disposition: form-data; name=\"file\"; filename=\"a"), 0xC3, 0x28, .. Utf8(".pdf\"")]));
            yield return ("file name* with %00", FileNamed(Utf8("Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''a%00b.pdf")));
            yield return ("file name of 10 000 chars", Form(FilePart(new string('a', 10_000) + ".pdf"), NamePart, KindPart));
            yield return ("file name with an RTL override and emoji", Form(FilePart("giay\u202Efdp.exe\U0001F600.pdf"), NamePart, KindPart));
            yield return ("an empty file name", Form(FilePart(string.Empty), NamePart, KindPart));
            yield return ("without a name part", Form(FilePart(), KindPart));
            yield return ("an empty name", NamedUpload([]));
            yield return ("a blank name", NamedUpload(Utf8("   ")));
            yield return ("a name of 601 chars", NamedUpload(Utf8(new string('a', 601))));
            yield return ("a name of 100 000 chars", NamedUpload(Utf8(string.Concat(Enumerable.Repeat("Giấy tờ ", 12_500)))));
            yield return ("a name with a NUL byte", NamedUpload([.. Utf8("Giấy"), 0x00, .. Utf8("chứng sinh")]));
            yield return ("a name with U+FFFE", NamedUpload(Utf8("\uFFFE")));
            yield return ("a name with U+FFFF", NamedUpload(Utf8("\uFFFF")));
            yield return ("a name with a UTF-8-encoded surrogate", NamedUpload([0xED, 0xA0, 0x80]));
            yield return ("a name in invalid UTF-8", NamedUpload([0x61, 0xC3, 0x28]));
            yield return ("a name with control characters", NamedUpload(Utf8("a\u0001\u0007\u001b")));
            yield return ("a name with RTL marks", NamedUpload(Utf8("\u202Eنص\u202C\u200F")));
            yield return ("a name with 100 combining marks", NamedUpload(Utf8("a" + string.Concat(Enumerable.Repeat("\u0301\u0323", 50)))));
            yield return ("a name with emoji", NamedUpload(Utf8("\U0001F468\u200D\U0001F469\u200D\U0001F467")));
            yield return ("kind Bogus", KindUpload("Bogus"));
            yield return ("kind 99", KindUpload("99"));
            yield return ("kind -1", KindUpload("-1"));
            yield return ("kind -2147483648", KindUpload("-2147483648"));
            yield return ("kind 1.5", KindUpload("1.5"));
            yield return ("kind empty", KindUpload(string.Empty));
            yield return ("kind Result", KindUpload("Result"));
            yield return ("kind input in lower case", KindUpload("input"));
            yield return ("kind twice", Form(FilePart(), NamePart, KindPart, Field("kind", "Result")));
            yield return ("kind with a NUL byte", Form(FilePart(), NamePart, Field("kind", [.. Utf8("Input"), 0x00])));
            yield return ("a part without a name", Form(FilePart(), NamePart, Part("Content-Disposition: form-data", Utf8("x"))));
            yield return ("a part without Content-Disposition", Form(FilePart(), NamePart, Part("Content-Type: text/plain", Utf8("x"))));
            yield return ("2 000 form fields", Form([FilePart(), NamePart, .. Enumerable.Range(0, 2000).Select(i => Field($"f{i}", "x"))]));
            yield return ("a part header of 20 000 bytes", Form(FilePart(), NamePart, Part("Content-Disposition: form-data; name=\"kind\"\r\nX-Long: " + new string('x', 20_000), Utf8("Input"))));
            yield return ("no boundary parameter", new Body(valid, "multipart/form-data"));
            yield return ("a boundary that does not match", new Body(valid, "multipart/form-data; boundary=something-else"));
            yield return ("a boundary of 200 chars", new Body(valid, "multipart/form-data; boundary=" + new string('b', 200)));
            yield return ("no closing boundary", new Body(valid[..(valid.Length - Boundary.Length - 6)], ValidUpload.ContentType));
            yield return ("a body that is not multipart", new Body(Utf8("garbage\r\n\r\n--"), ValidUpload.ContentType));
            yield return ("an empty body", new Body([], ValidUpload.ContentType));
            yield return ("form-urlencoded", new Body(Utf8("name=Gi%E1%BA%A5y&kind=Input"), "application/x-www-form-urlencoded"));
            yield return ("a JSON body", new Body(Utf8("{\"name\":\"x\",\"kind\":\"Input\"}"), "application/json"));
            yield return ("a text/plain body", new Body(Utf8("x"), "text/plain"));
            yield return ("no Content-Type", new Body(valid, null));
        }

        // -------------------------------------------------------------- value tables

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        private static (string, byte[]) J(string name, string json) => (name, Utf8(json));

        /// <summary>A JSON string with the text as it is (the text holds no quote, backslash or control character).</summary>
        private static (string, byte[]) S(string name, string text) => (name, Utf8("\"" + text + "\""));

        private static readonly (string Name, string Json, string Kind)[] WrongTypes =
        [
            ("a string", "\"text\"", "string"),
            ("a numeric string", "\"12\"", "string"),
            ("-1", "-1", "number"),
            ("1.5", "1.5", "number"),
            ("99", "99", "number"),
            ("-2147483648", "-2147483648", "number"),
            ("2147483648", "2147483648", "number"),
            ("9223372036854775808", "9223372036854775808", "number"),
            ("1e400", "1e400", "number"),
            ("true", "true", "boolean"),
            ("null", "null", "null"),
            ("an object", "{}", "object"),
            ("an array", "[]", "array"),
            ("an array of one number", "[1]", "array"),
        ];

        private static readonly (string, byte[])[] TrickyStrings =
        [
            S("10 000 chars", new string('a', 10_000)),
            S("100 000 chars", string.Concat(Enumerable.Repeat("Đăng ký ", 12_500))),
            J("an empty string", "\"\""),
            J("U+FFFE", "\"\\uFFFE\""),
            J("U+FFFF", "\"\\uFFFF\""),
            J("lone surrogate \\ud800", "\"\\ud800\""),
            J("lone surrogate \\udfff", "\"x\\udfffx\""),
            J("NUL \\u0000", "\"\\u0000\""),
            J("NUL inside text", "\"Nguyễn\\u0000Văn An\""),
            J("control characters \\u0001", "\"\\u0001\\u0007\\u001b\\u001f\\u007f\""),
            S("RTL marks", "\u202Eنص\u202C\u200F"),
            S("100 combining marks", "a" + string.Concat(Enumerable.Repeat("\u0301\u0323", 50))),
            S("decomposed Vietnamese", "Nguye\u0302\u0303n Va\u0306n An"),
            S("emoji", "\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467\U0001F1FB\U0001F1F3"),
            J("zero-width characters and BOM", "\"\\u200b\\ufeff\\u2060\""),
            S("markup", "<script>alert(1)</script>"),
            S("SQL quote", "' OR '1'='1' --"),
        ];

        private static readonly (string, byte[])[] InvalidUtf8 =
        [
            ("invalid UTF-8 C3 28", [0x22, 0xC3, 0x28, 0x22]),
            ("invalid UTF-8 FF", [0x22, 0x61, 0xFF, 0x62, 0x22]),
            ("UTF-8-encoded surrogate ED A0 80", [0x22, 0xED, 0xA0, 0x80, 0x22]),
        ];

        private static readonly (string, byte[])[] DateTimes =
        [
            J("9999-12-31T23:59:59Z", "\"9999-12-31T23:59:59Z\""),
            J("0001-01-01T00:00:00Z", "\"0001-01-01T00:00:00Z\""),
            J("9999-12-31T23:59:59-14:00", "\"9999-12-31T23:59:59-14:00\""),
            J("0001-01-01T00:00:00+14:00", "\"0001-01-01T00:00:00+14:00\""),
            J("2026-02-30T09:00:00+07:00", "\"2026-02-30T09:00:00+07:00\""),
            J("a date without a time", "\"2026-11-24\""),
            J("words", "\"hôm qua\""),
        ];

        private static readonly (string, byte[])[] IntegerEdges =
        [
            J("0", "0"),
            J("2147483647", "2147483647"),
            J("-0", "-0"),
        ];

        private static readonly (string, byte[])[] EnumValues =
        [
            J("an unknown name", "\"NotAValue\""),
            J("a number as a string", "\"99\""),
            J("an empty string", "\"\""),
            J("a name with NUL", "\"Counter\\u0000\""),
            J("two names", "\"Counter, Postal\""),
        ];

        private static readonly (string, byte[])[] ArrayValues =
        [
            J("[null]", "[null]"),
            J("[[]]", "[[]]"),
            J("an array of strings", "[\"text\"]"),
            J("10 000 empty items", "[" + string.Join(',', Enumerable.Repeat("{}", 10_000)) + "]"),
        ];

        private static readonly (string, byte[])[] ObjectValues =
        [
            J("an object with unknown properties", "{\"x\":1}"),
            J("an array of the object", "[{}]"),
        ];

        private static readonly (string, byte[])[] AnyValues =
        [
            J("a JSON text in a string", "\"{}\""),
            J("an object with a NUL property name", "{\"\\u0000\":1}"),
            J("60 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "1" + new string('}', 60)),
            J("1 000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)),
        ];

        private static readonly (string, string)[] HeaderValues =
        [
            ("101 chars", new string('k', 101)),
            ("10 000 chars", new string('k', 10_000)),
            ("empty", string.Empty),
            ("blank", "   "),
            ("%00", "%00"),
        ];

        /// <summary>Path segments, already percent-encoded.</summary>
        private static IEnumerable<(string Name, string Value)> TrickyPathValues(string real)
        {
            yield return ("..%2f traversal", "..%2f..%2f..%2fetc%2fpasswd");
            yield return ("%2e%2e", "%2e%2e");
            yield return ("%2f%2e%2e after the value", real + "%2f%2e%2e%2f%2e%2e");
            yield return ("double-encoded traversal", "%252e%252e%252f");
            yield return ("..%5c traversal", "..%5c..%5cwin.ini");
            yield return ("a segment of 10 000 chars", new string('9', 10_000));
            yield return ("%00", "%00");
            yield return ("%00 after the value", real + "%00");
            yield return ("U+FFFE", "%EF%BF%BE");
            yield return ("U+FFFF", "%EF%BF%BF");
            yield return ("an encoded surrogate %ED%A0%80", "%ED%A0%80");
            yield return ("invalid UTF-8 %C3%28", "%C3%28");
            yield return ("invalid UTF-8 %FF", "%FF");
            yield return ("control character %01", "%01");
            yield return ("Vietnamese", Uri.EscapeDataString("Đăng ký khai sinh"));
            yield return ("emoji", Uri.EscapeDataString("\U0001F600"));
            yield return ("RTL override before the value", "%E2%80%AE" + real);
            yield return ("combining marks", Uri.EscapeDataString("a" + string.Concat(Enumerable.Repeat("\u0301", 20))));
            yield return ("a space", "%20");
            yield return ("an encoded slash", "a%2Fb");
            yield return ("%25", "%25");
            yield return ("SQL quote", Uri.EscapeDataString("' OR '1'='1"));
            yield return ("-1", "-1");
            yield return ("0", "0");
            yield return ("99", "99");
            yield return ("1.5", "1.5");
            yield return ("-2147483648", "-2147483648");
            yield return ("2147483648", "2147483648");
            yield return ("99999999999999999999", "99999999999999999999");
            yield return ("the empty GUID", Guid.Empty.ToString());
            yield return ("an unknown GUID", "0f8fad5b-d9cb-469f-a165-70867728950e");
        }

        /// <summary>The query values the task names, sent to every operation (unknown names must be ignored).</summary>
        private static readonly (string Name, string Value)[] CommonQueries =
        [
            ("unitId", "1.5"),
            ("mine", "abc"),
            ("page", "-1"),
            ("pageSize", "100000"),
            ("from", "9999-12-31"),
            ("from", "0001-01-01"),
            ("submittedAt", "9999-12-31T23:59:59Z"),
            ("q", "%EF%BF%BE"),
            ("q", "%00"),
            ("kind", "99"),
        ];

        private static readonly (string Name, string[] Values)[] DateRanges =
        [
            ("9999-12-31", ["9999-12-31"]),
            ("0001-01-01", ["0001-01-01"]),
            ("0001-01-01 to 0001-01-02", ["0001-01-01", "0001-01-02"]),
            ("9999-12-30 to 9999-12-31", ["9999-12-30", "9999-12-31"]),
            ("0001-01-01 to 9999-12-31", ["0001-01-01", "9999-12-31"]),
        ];

        private static readonly (string, string)[] IntegerQueryValues =
        [
            ("1.5", "1.5"), ("abc", "abc"), ("-1", "-1"), ("0", "0"), ("2147483647", "2147483647"), ("2147483648", "2147483648"),
            ("-2147483648", "-2147483648"), ("99999999999999999999", "99999999999999999999"), ("empty", string.Empty), ("%00", "%00"),
            ("1e3", "1e3"), ("0x1F", "0x1F"), ("an Arabic-Indic digit", "%D9%A1"), ("a leading space", "%201"),
        ];

        private static readonly (string, string)[] BooleanQueryValues =
        [
            ("abc", "abc"), ("2", "2"), ("empty", string.Empty), ("%00", "%00"), ("yes", "yes"),
        ];

        private static readonly (string, string)[] DateQueryValues =
        [
            ("9999-12-31", "9999-12-31"), ("0001-01-01", "0001-01-01"), ("2026-02-30", "2026-02-30"), ("2026-13-01", "2026-13-01"),
            ("abc", "abc"), ("empty", string.Empty), ("-0001-01-01", "-0001-01-01"), ("20260101", "20260101"),
            ("a date and time", "2026-01-01T00:00:00Z"), ("%00", "%00"),
        ];

        private static readonly (string, string)[] DateTimeQueryValues =
        [
            ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
            ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
            ("9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59-14:00"),
            ("0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00%2B14:00"),
            ("0001-01-01T00:00:00+14:00 with an unencoded +", "0001-01-01T00:00:00+14:00"),
            ("2026-02-30T09:00:00Z", "2026-02-30T09:00:00Z"),
            ("2026-11-24T24:00:00Z", "2026-11-24T24:00:00Z"),
            ("abc", "abc"),
            ("%00", "%00"),
        ];

        private static readonly (string, string)[] StringQueryValues =
        [
            ("10 000 chars", new string('a', 10_000)), ("201 chars", new string('a', 201)), ("%00", "%00"), ("a%00b", "a%00b"),
            ("U+FFFE", "%EF%BF%BE"), ("U+FFFF", "%EF%BF%BF"), ("an encoded surrogate", "%ED%A0%80"), ("invalid UTF-8 %C3%28", "%C3%28"),
            ("invalid UTF-8 %FF", "%FF"), ("control character %01", "%01"), ("RTL override", "%E2%80%AE"),
            ("emoji", Uri.EscapeDataString("\U0001F600")), ("combining marks", Uri.EscapeDataString("a" + string.Concat(Enumerable.Repeat("\u0301", 50)))),
            ("a lone %", "%"), ("a bad escape %zz", "%zz"), ("+", "+"), ("SQL quote", Uri.EscapeDataString("' OR '1'='1")),
            ("99", "99"), ("-2147483648", "-2147483648"),
        ];

        private IEnumerable<(string Name, string Value)> QueryValues(Parameter parameter)
        {
            var (kind, format, _) = Describe(parameter.Schema);
            return kind switch
            {
                "integer" or "number" => IntegerQueryValues,
                "boolean" => BooleanQueryValues,
                _ when format == "date" => DateQueryValues,
                _ when format == "date-time" || parameter.Name.EndsWith("At", StringComparison.Ordinal) => DateTimeQueryValues,
                _ => StringQueryValues,
            };
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiFuzzOnSqlite(SqliteApp app) : ApiFuzzTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ApiFuzzOnPostgres(PostgresApp app) : ApiFuzzTests(app);
