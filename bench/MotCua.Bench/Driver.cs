using System.Diagnostics;
using System.Net;

namespace MotCua.Bench;

/// <summary>One row of the table.</summary>
internal sealed record Measurement(string Name, int Concurrency, double Seconds, long Requests, long Errors, double[] LatenciesMs, string? FirstError)
{
    public double Throughput => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Nearest-rank percentile of the measured latencies, in milliseconds.</summary>
    public double? Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length);
        return LatenciesMs[Math.Clamp(rank - 1, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// A closed-loop HTTP load driver: a fixed number of workers, each sending its next request when the last one has
/// been answered and read to the end, over keep-alive connections on loopback. A warm-up runs first and is not counted;
/// then every request that starts inside the measured window counts, with its latency. Non-2xx answers are errors.
/// Bounded by time (and by the work a scenario has left), so it always stops by itself. A scenario whose answers are
/// always 200 (a payment notice's) passes a check that reads each body and says what is wrong with it, if anything.
/// </summary>
internal static class Driver
{
    /// <summary>Makes worker w's n-th request, or null when there is nothing left to do (e.g. no application left to receive).</summary>
    public delegate HttpRequestMessage? RequestFactory(int worker, long n);

    public static HttpClient Client(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    public static async Task<Measurement> RunAsync(string name, HttpClient client, int concurrency, TimeSpan warmup, TimeSpan duration,
        RequestFactory next, CancellationToken cancellationToken, Action? measuring = null, Func<string, string?>? check = null)
    {
        var start = Stopwatch.GetTimestamp();
        var mark = Task.Delay(warmup, cancellationToken).ContinueWith(_ => measuring?.Invoke(), TaskScheduler.Default);
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = new List<double>[concurrency];
        var errors = new long[concurrency];
        string? firstError = null;
        long lastEnd = measureFrom;

        async Task Worker(int w)
        {
            var mine = samples[w] = new List<double>(4096);
            var buffer = new byte[16 * 1024];
            for (long n = 0; ; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var began = Stopwatch.GetTimestamp();
                if (began >= measureTo)
                {
                    return;
                }

                using var request = next(w, n);
                if (request is null)
                {
                    return;
                }

                var ok = false;
                string? problem = null;
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    var read = 0;
                    var head = new System.Text.StringBuilder();
                    int got;
                    while ((got = await body.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        // A check reads the whole body (a page's marker may come late); an error keeps its first 600 bytes.
                        if (check is not null)
                        {
                            head.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, got));
                        }
                        else if (!response.IsSuccessStatusCode && read < 600)
                        {
                            head.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(got, 600)));
                        }

                        read += got;
                    }

                    ok = response.IsSuccessStatusCode;
                    if (!ok)
                    {
                        problem = $"{(int)response.StatusCode} {request.Method} {request.RequestUri}: {head}";
                    }
                    else if (check?.Invoke(head.ToString()) is { } wrong)
                    {
                        ok = false;
                        problem = $"{request.Method} {request.RequestUri}: {wrong}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    problem = $"{request.Method} {request.RequestUri}: {e.GetType().Name}: {e.Message}";
                }

                var ended = Stopwatch.GetTimestamp();
                if (!ok)
                {
                    errors[w]++;
                    Interlocked.CompareExchange(ref firstError, problem, null);
                }

                if (began >= measureFrom)
                {
                    if (ok)
                    {
                        mine.Add((ended - began) * 1000.0 / Stopwatch.Frequency);
                    }

                    InterlockedMax(ref lastEnd, ended);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w), cancellationToken)));
        await mark;
        var all = samples.SelectMany(s => s ?? []).ToArray();
        Array.Sort(all);
        // A scenario that ran out of work early is measured over the time it actually ran.
        var seconds = Math.Min(duration.TotalSeconds, Math.Max(0.001, (lastEnd - measureFrom) / (double)Stopwatch.Frequency));
        return new Measurement(name, concurrency, seconds, all.Length, errors.Sum(), all, firstError);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
