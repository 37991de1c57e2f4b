using System.Diagnostics;
using System.Globalization;

namespace MotCua.Bench;

/// <summary>A throwaway PostgreSQL 15 cluster started through scripts/pg-cluster.sh, durable (fsync on) as in production.</summary>
internal sealed class Cluster
{
    /// <summary>What the ceilings in shared/reference/toolchain.md were measured with: defaults + 1 GB shared buffers, fsync on.</summary>
    public const string SharedBuffers = "1GB";

    /// <summary>Bulk loading only: bigger WAL between checkpoints and more memory for index builds. No effect on reads.</summary>
    public static readonly string ExtraConf = string.Join('\n',
        "max_wal_size = 8GB",
        "checkpoint_timeout = 15min",
        "maintenance_work_mem = 1GB",
        "max_parallel_maintenance_workers = 2");

    private Cluster(string dir, int port, string connectionString)
    {
        Dir = dir;
        Port = port;
        ServerConnection = connectionString;
    }

    public string Dir { get; }
    public int Port { get; }

    /// <summary>Connection string to the server (no database).</summary>
    public string ServerConnection { get; }

    public const string Database = "motcua";

    public string ConnectionString => ServerConnection + ";Database=" + Database;

    public static async Task<Cluster> StartAsync(string dir, CancellationToken cancellationToken)
    {
        await Shell.RunAsync("bash", [Path.Combine(Repo.Root, "scripts", "pg-cluster.sh"), "start", dir], cancellationToken,
            environment: new Dictionary<string, string>
            {
                ["PG_DURABLE"] = "1",
                ["PG_SHARED_BUFFERS"] = SharedBuffers,
                ["PG_EXTRA_CONF"] = ExtraConf,
            });
        var port = int.Parse((await File.ReadAllTextAsync(Path.Combine(dir, "port"), cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        var connection = (await File.ReadAllTextAsync(Path.Combine(dir, "connection"), cancellationToken)).Trim();
        return new Cluster(dir, port, connection);
    }

    public static async Task StopAsync(string dir)
    {
        try
        {
            await Shell.RunAsync("bash", [Path.Combine(Repo.Root, "scripts", "pg-cluster.sh"), "stop", dir], CancellationToken.None, check: false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"bench: could not stop the cluster in {dir}: {e.Message}");
        }
    }
}

/// <summary>A child process (MotCua, or the bare Kestrel ceiling) whose output goes to a log file.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    public string LogPath { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment, string logPath)
    {
        // The output goes straight to the log file (bash execs the program, same pid), not through a pipe to us:
        // with --keep the child outlives the bench.
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$MOTCUA_BENCH_LOG\" 2>&1 </dev/null");
        info.ArgumentList.Add(file);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        info.Environment["MOTCUA_BENCH_LOG"] = logPath;
        File.WriteAllText(logPath, string.Empty);
        var process = new Process { StartInfo = info };
        if (!process.Start())
        {
            throw new BenchException($"could not start {file}");
        }

        return new ChildProcess(process, logPath);
    }

    /// <summary>Waits for a command run to its end; fails with the end of the log unless it exited 0.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        if (_process.ExitCode != 0)
        {
            throw new BenchException($"{Path.GetFileName(_process.StartInfo.FileName)} exited ({_process.ExitCode}); end of {LogPath}:{Environment.NewLine}{ReadLogTail()}");
        }
    }

    /// <summary>Waits until GET url answers 200, or fails with the end of the log.</summary>
    public async Task WaitHealthyAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new BenchException($"{Path.GetFileName(_process.StartInfo.FileName)} exited ({_process.ExitCode}) before it answered; end of {LogPath}:{Environment.NewLine}{ReadLogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new BenchException($"{url} did not answer within {timeout.TotalSeconds:0} s; end of {LogPath}:{Environment.NewLine}{ReadLogTail()}");
    }

    public string ReadLogTail()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return Shell.Tail(reader.ReadToEnd(), 30);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Peak resident memory of the process so far (VmHWM), in bytes; null when it cannot be read.</summary>
    public long? PeakResidentBytes() => Status("VmHWM:");

    /// <summary>Resident memory of the process now (VmRSS), in bytes; null when it cannot be read.</summary>
    public long? ResidentBytes() => Status("VmRSS:");

    private long? Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = long.Parse(line[field.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    return kb * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>A crash: SIGKILL, no shutdown of any kind (open transactions and leases are left as they are).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Asks it to stop (SIGTERM), then kills the whole tree if it lingers.</summary>
    public void Stop(TimeSpan grace)
    {
        try
        {
            if (_process.HasExited)
            {
                return;
            }

            Interop.Terminate(_process.Id);
            if (!_process.WaitForExit(grace))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}

internal static class Interop
{
    /// <summary>SIGTERM through kill(1): the child shuts down as on Ctrl+C.</summary>
    public static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit(5000);
    }
}
