using System.Diagnostics;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL 15 server the tests use: the one scripts/test.sh started (MOTCUA_TEST_POSTGRES), or else a
/// throwaway cluster started here with the same script and removed when the test run ends. Never skipped.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartOrReuse, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ServerConnection => Server.Value;

    private static string StartOrReuse()
    {
        var given = Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "pg-cluster.sh");
        var folder = Path.Combine(Path.GetTempPath(), $"motcua-pg-{Environment.ProcessId}");
        Run(script, "start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return File.ReadAllText(Path.Combine(folder, "connection")).Trim();
    }

    private static void Run(string script, string verb, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, verb, folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && verb == "start")
        {
            throw new InvalidOperationException($"Could not start a PostgreSQL 15 cluster for the tests: {error}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test folder.");
    }
}
