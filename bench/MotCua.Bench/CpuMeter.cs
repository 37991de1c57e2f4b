using System.Diagnostics;
using System.Globalization;

namespace MotCua.Bench;

/// <summary>CPU seconds used so far by MotCua, by the bench itself (the load driver), and by the whole machine.</summary>
internal readonly record struct CpuSample(double App, double Bench, double Machine)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuSample Take(int appPid) => new(ProcessSeconds(appPid), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, MachineSeconds());

    /// <summary>CPU milliseconds per request between two samples: MotCua, the driver, and the rest (PostgreSQL, and anything else running).</summary>
    public static (double App, double Bench, double Others) PerRequest(CpuSample from, CpuSample to, long requests)
    {
        if (requests <= 0)
        {
            return (0, 0, 0);
        }

        var app = (to.App - from.App) * 1000 / requests;
        var bench = (to.Bench - from.Bench) * 1000 / requests;
        var all = (to.Machine - from.Machine) * 1000 / requests;
        return (app, bench, Math.Max(0, all - app - bench));
    }

    private static double ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double MachineSeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
            double Field(int i) => double.Parse(cpu[i], CultureInfo.InvariantCulture);
            return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
