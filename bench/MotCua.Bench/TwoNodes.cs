using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// What a load balancer in front of several MotCua nodes does: each request to the next node in turn; a node that
/// refuses or drops the connection is left out for half a second and the request goes to another. A submission
/// carries its Idempotency-Key, so sending it again is safe even when the first node had already saved it.
/// </summary>
internal sealed class Balancer : HttpMessageHandler
{
    private readonly Uri[] _nodes;
    private readonly HttpMessageInvoker[] _invokers;
    private readonly long[] _downUntil;
    private long _next = -1;
    private long _rerouted;

    public Balancer(IReadOnlyList<Uri> nodes, int concurrency)
    {
        _nodes = [.. nodes];
        _invokers = [.. nodes.Select(_ => new HttpMessageInvoker(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        }))];
        _downUntil = new long[nodes.Count];
    }

    /// <summary>Requests sent again to another node after the one chosen failed at the connection.</summary>
    public long Rerouted => Interlocked.Read(ref _rerouted);

    /// <summary>A client whose requests go through this balancer (relative addresses); disposing it disposes the balancer.</summary>
    public HttpClient NewClient() => new(this, disposeHandler: true)
    {
        // Relative addresses: the balancer puts the node in front.
        BaseAddress = new Uri("http://motcua-nodes/"),
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestVersion = System.Net.HttpVersion.Version11,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var first = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)_nodes.Length);
        HttpRequestException? last = null;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var now = Stopwatch.GetTimestamp();
            var node = Enumerable.Range(0, _nodes.Length).Select(i => (first + attempt + i) % _nodes.Length).FirstOrDefault(i => Interlocked.Read(ref _downUntil[i]) <= now, -1);
            if (node < 0)
            {
                // Every node is down: wait a little, as a balancer queues a request for a moment.
                await Task.Delay(100, cancellationToken);
                continue;
            }

            request.RequestUri = new Uri(_nodes[node], path);
            try
            {
                return await _invokers[node].SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                last = e;
                Interlocked.Exchange(ref _downUntil[node], Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2));
                Interlocked.Increment(ref _rerouted);
            }
        }

        throw last ?? new HttpRequestException("no node answered");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var invoker in _invokers)
            {
                invoker.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}

/// <summary>Submit and track on one node and on two, then the crash: what the table's "nodes" rows say.</summary>
internal sealed record TwoNodeResult(Measurement SubmitOne, Measurement SubmitTwo, Measurement TrackOne, Measurement TrackTwo, FailoverCheck Failover);

/// <summary>
/// The failover window, counted in the database once every delivery was done: submissions answered, saved, lost and
/// saved twice; their notifications (one message each, one delivery per consumer, each delivered; one portal notice
/// per application; one log line per SMS and Zalo delivery; one e-mail file per e-mail delivery).
/// </summary>
internal sealed record FailoverCheck(
    Measurement Load, long Rerouted, TimeSpan KilledAfter, TimeSpan BackAfter, long Acknowledged, long Saved, long Lost, long SavedTwice,
    long Messages, long MessagesTwice, long Deliveries, long NotDelivered, long DeliveriesTwice, long PortalNotices, long PortalTwice,
    long LogLines, long LogDeliveries, long MailFiles, long MailDeliveries, TimeSpan Drained)
{
    public bool Passed => Load.Errors == 0 && Lost == 0 && SavedTwice == 0 && Saved == Acknowledged && MessagesTwice == 0 && Messages == Saved
        && NotDelivered == 0 && DeliveriesTwice == 0 && PortalTwice == 0 && PortalNotices == Saved && LogLines == LogDeliveries && MailFiles == MailDeliveries;

    public override string ToString() =>
        $"{Load.Requests + Load.Errors:N0} submissions in {Load.Seconds:0} s, node 2 killed (SIGKILL) after {KilledAfter.TotalSeconds:0} s and answering again after {BackAfter.TotalSeconds:0} s; "
        + $"{Rerouted:N0} requests sent again to node 1, {Load.Errors} errors; {Acknowledged:N0} answered, {Saved:N0} saved, {Lost} lost, {SavedTwice} saved twice; "
        + $"{Messages:N0} messages ({MessagesTwice} twice), {Deliveries:N0} deliveries ({NotDelivered} not delivered, {DeliveriesTwice} twice) done {Drained.TotalSeconds:0} s after the window; "
        + $"{PortalNotices:N0} portal notices ({PortalTwice} twice), {LogLines:N0} SMS/Zalo log lines for {LogDeliveries:N0} deliveries, {MailFiles:N0} e-mail files for {MailDeliveries:N0} deliveries";
}

/// <summary>
/// Two MotCua nodes on one PostgreSQL, both running the outbox workers, the load split by <see cref="Balancer"/>:
/// submit and track on one node and on two, then a submit window in which node 2 is killed mid-run (SIGKILL) and
/// restarted as a supervisor would (systemd's Restart=always). Node 2 leases deliveries for 10 s instead of 60
/// (Outbox:LeaseSeconds, each node's own setting), so what it held when killed is taken by node 1 within the window's
/// drain rather than a minute later.
/// </summary>
internal sealed class TwoNodes(
    NpgsqlDataSource db, Uri nodeOne, Uri nodeTwo, Func<ChildProcess> startNodeTwo, string mailFolder, string[] citizens, string form,
    List<string> codes, TimeSpan warmup, TimeSpan window, Func<Task> drain)
{
    public const string KeyPrefix = "nodes-";
    public const int Concurrency = 32;
    public static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(5);

    /// <summary>The failover window goes on this long after node 2 answers again, so both serve its end.</summary>
    public static readonly TimeSpan BothAfter = TimeSpan.FromSeconds(5);

    public static readonly IReadOnlyDictionary<string, string> NodeTwoSettings = new Dictionary<string, string> { ["Outbox__LeaseSeconds"] = "10" };

    public async Task<TwoNodeResult> RunAsync(ChildProcess second, CancellationToken ct)
    {
        Uri[] one = [nodeOne];
        Uri[] both = [nodeOne, nodeTwo];
        var submitOne = await LoadAsync("submit, 1 node", one, Submit(prefix: null), ct);
        await drain();
        var submitTwo = await LoadAsync("submit, 2 nodes", both, Submit(prefix: null), ct);
        await drain();
        var trackOne = await LoadAsync("track, 1 node", one, Track, ct);
        var trackTwo = await LoadAsync("track, 2 nodes", both, Track, ct);
        var failover = await FailoverAsync(second, ct);
        return new TwoNodeResult(submitOne, submitTwo, trackOne, trackTwo, failover);
    }

    private async Task<Measurement> LoadAsync(string name, Uri[] nodes, Driver.RequestFactory next, CancellationToken ct)
    {
        using var client = new Balancer(nodes, Concurrency).NewClient();
        var m = await Driver.RunAsync(name, client, Concurrency, warmup, window, next, ct);
        Log.Step($"  {name}: {m.Throughput:0} req/s, p50 {m.Percentile(50):0.0} ms, p99 {m.Percentile(99):0.0} ms, {m.Errors} errors{(m.FirstError is null ? string.Empty : $" (first: {m.FirstError})")}");
        return m;
    }

    private HttpRequestMessage Track(int worker, long n) =>
        new(HttpMethod.Get, $"/api/v1/tracking/{codes[(int)(SyntheticNames.Hash(((ulong)worker << 40) ^ (ulong)n ^ 0x5eed) % (ulong)codes.Count)]}");

    private Driver.RequestFactory Submit(string? prefix) => (w, n) =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = new StringContent(form, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", citizens[(int)((w + (n * Concurrency)) % citizens.Length)]);
        request.Headers.Add("Idempotency-Key", prefix is null ? Guid.NewGuid().ToString() : $"{prefix}{w}-{n}");
        return request;
    };

    private async Task<FailoverCheck> FailoverAsync(ChildProcess second, CancellationToken ct)
    {
        DateTime since;
        long lastMessage;
        await using (var cmd = db.CreateCommand("""SELECT now(), COALESCE(max("Id"), 0) FROM outbox_messages"""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (since, lastMessage) = (r.GetDateTime(0), r.GetInt64(1));
        }

        Log.Step($"  failover: submit on both nodes; node 2 is killed after {KillAfter.TotalSeconds:0} s and restarted at once, and the load goes on until it has answered again for {BothAfter.TotalSeconds:0} s");
        var answered = new ConcurrentBag<string>();
        var balancer = new Balancer([nodeOne, nodeTwo], Concurrency);
        using var client = balancer.NewClient();
        var clock = Stopwatch.StartNew();
        var stopAt = long.MaxValue;
        var crash = Task.Run(async () =>
        {
            await Task.Delay(KillAfter, ct);
            second.Kill();
            var killed = clock.Elapsed;
            Log.Step($"    node 2 killed at {killed.TotalSeconds:0.0} s");
            var restarted = startNodeTwo();
            await restarted.WaitHealthyAsync(new Uri(nodeTwo, "/health").ToString(), TimeSpan.FromMinutes(2), ct);
            var back = clock.Elapsed;
            Interlocked.Exchange(ref stopAt, (long)(back + BothAfter).TotalMilliseconds);
            Log.Step($"    node 2 answering again at {back.TotalSeconds:0.0} s");
            return (restarted, killed, back);
        }, ct);
        var submit = Submit(KeyPrefix);
        var load = await Driver.RunAsync("failover", client, Concurrency, TimeSpan.Zero, TimeSpan.FromMinutes(5),
            (w, n) => clock.ElapsedMilliseconds >= Interlocked.Read(ref stopAt) ? null : submit(w, n), ct, check: body =>
        {
            using var doc = JsonDocument.Parse(body);
            answered.Add(doc.RootElement.GetProperty("code").GetString()!);
            return null;
        });
        var (node, killedAt, backAt) = await crash;
        Restarted = node;
        var rerouted = balancer.Rerouted;

        var drained = Stopwatch.StartNew();
        await drain();
        var took = drained.Elapsed;
        var codesAnswered = answered.Distinct(StringComparer.Ordinal).ToArray();
        return await CheckAsync(load, rerouted, killedAt, backAt, codesAnswered, since, lastMessage, took, ct);
    }

    /// <summary>Node 2 as it runs after the restart (the bench stops it afterwards).</summary>
    public ChildProcess? Restarted { get; private set; }

    private async Task<FailoverCheck> CheckAsync(Measurement load, long rerouted, TimeSpan killedAt, TimeSpan backAt, string[] answered, DateTime since, long lastMessage, TimeSpan drained, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            WITH phase AS (SELECT a."Id", a."Code" FROM applications a WHERE a."SubmittedAt" >= @since),
                 keyed AS (SELECT k."ApplicationId" FROM submission_keys k WHERE k."Key" LIKE '{KeyPrefix}%'),
                 messages AS (SELECT m."Id", m."Payload"::jsonb ->> 'code' AS code FROM outbox_messages m
                              WHERE m."Id" > @last AND m."Type" = 'application.event.v1' AND m."Payload"::jsonb ->> 'action' = 'submit'),
                 deliveries AS (SELECT d."Id", d."MessageId", d."Consumer", d."State" FROM outbox_deliveries d JOIN messages m ON m."Id" = d."MessageId")
            SELECT
              (SELECT count(*) FROM phase),
              (SELECT count(*) FROM unnest(@answered) c WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a."Code" = c)),
              (SELECT count(*) FROM phase p WHERE NOT EXISTS (SELECT 1 FROM keyed k WHERE k."ApplicationId" = p."Id")),
              (SELECT count(*) FROM messages),
              (SELECT count(*) - count(DISTINCT code) FROM messages),
              (SELECT count(*) FROM deliveries),
              (SELECT count(*) FROM deliveries WHERE "State" <> 'Delivered'),
              (SELECT count(*) - count(DISTINCT ("MessageId", "Consumer")) FROM deliveries),
              (SELECT count(*) FROM notifications n JOIN deliveries d ON d."Id" = n."DeliveryId"),
              (SELECT count(*) - count(DISTINCT n."ApplicationCode") FROM notifications n JOIN deliveries d ON d."Id" = n."DeliveryId"),
              (SELECT count(*) FROM message_log l JOIN deliveries d ON d."Id" = l."DeliveryId"),
              (SELECT count(*) FROM deliveries WHERE "Consumer" IN ('sms', 'zalo'))
            """);
        cmd.Parameters.AddWithValue("since", since);
        cmd.Parameters.AddWithValue("last", lastMessage);
        cmd.Parameters.AddWithValue("answered", answered);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var n = Enumerable.Range(0, 12).Select(r.GetInt64).ToArray();
        await r.DisposeAsync();

        // The e-mail channel writes one file per delivery, named by its id, to the pickup folder both nodes share.
        var mailIds = new List<long>();
        await using (var mail = db.CreateCommand("""
            SELECT d."Id" FROM outbox_deliveries d JOIN outbox_messages m ON m."Id" = d."MessageId"
            WHERE m."Id" > @last AND m."Type" = 'application.event.v1' AND d."Consumer" = 'email'
            """))
        {
            mail.Parameters.AddWithValue("last", lastMessage);
            await using var ids = await mail.ExecuteReaderAsync(ct);
            while (await ids.ReadAsync(ct))
            {
                mailIds.Add(ids.GetInt64(0));
            }
        }

        var files = mailIds.Count(id => File.Exists(Path.Combine(mailFolder, $"{id:D10}.eml")));
        return new FailoverCheck(load, rerouted, killedAt, backAt, answered.Length, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], files, mailIds.Count, drained);
    }
}
