using System.Diagnostics;
using System.Runtime.InteropServices;
using MotCua.Bench;

// MotCua benchmark: one command, see README "Performance" and docs/performance.md.
//   dotnet run -c Release --project bench/MotCua.Bench [-- --applications 10000000] [--duration-seconds 12] [--keep]
// It starts its own PostgreSQL cluster and MotCua (Release) on loopback, seeds synthetic data, drives load over HTTP,
// measures the ceilings (pgbench, bare Kestrel) in the same run, prints one table, and stops everything it started.

if (args.Length > 0 && args[0] == BareKestrel.Command)
{
    return await BareKestrel.RunAsync(args);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cts = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var total = Stopwatch.StartNew();
await using var run = new BenchRun(options);
try
{
    await run.ExecuteAsync(cts.Token);
    Log.Step($"Done in {total.Elapsed:m\\:ss}.");
    return run.AllBarsPassed ? 0 : 1;
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    Log.Step("Interrupted: stopping MotCua and PostgreSQL.");
    return 130;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
catch (Exception e) when (e is Npgsql.NpgsqlException or HttpRequestException or IOException or InvalidOperationException)
{
    Console.Error.WriteLine($"bench: {e}");
    return 1;
}

void Stop(PosixSignalContext context)
{
    // Unwind through the finally blocks (app and cluster are stopped there) instead of dying at once.
    context.Cancel = true;
    cts.Cancel();
}
