using System.Reflection;

namespace MotCua.ArchitectureTests;

/// <summary>
/// One clock: NodaTime's IClock, injected. Only the composition root (Common.Web.WebPlatform, which registers it) may
/// name SystemClock.Instance or TimeProvider.System, and no code reads DateTime.Now/UtcNow/Today or DateTimeOffset.Now/UtcNow.
/// </summary>
public sealed class OneClockTests
{
    private static readonly MethodBase[] Forbidden =
    [
        typeof(DateTime).GetProperty(nameof(DateTime.Now))!.GetMethod!,
        typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!.GetMethod!,
        typeof(DateTime).GetProperty(nameof(DateTime.Today))!.GetMethod!,
        typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!.GetMethod!,
        typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!.GetMethod!,
        typeof(NodaTime.SystemClock).GetProperty(nameof(NodaTime.SystemClock.Instance))!.GetMethod!,
        typeof(TimeProvider).GetProperty(nameof(TimeProvider.System))!.GetMethod!,
    ];

    private static readonly string[] CompositionRoot = ["MotCua.Web.Common.Web.WebPlatform"];

    [Fact]
    public void Nothing_outside_the_composition_root_reads_a_clock_of_its_own()
    {
        var offenders = ClockReaders(typeof(Program).Assembly)
            .Where(o => !CompositionRoot.Any(root => o.StartsWith(root, StringComparison.Ordinal)))
            .ToList();
        Assert.True(offenders.Count == 0, "Inject NodaTime.IClock instead: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_rule_catches_a_planted_violation()
    {
        var offenders = ClockReaders(typeof(OneClockTests).Assembly);
        Assert.Contains(offenders, o => o.Contains(nameof(PlantedViolation.ReadsTheSystemClock), StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains(nameof(PlantedViolation.ReadsNodaTimesSystemClock), StringComparison.Ordinal));
        Assert.DoesNotContain(offenders, o => o.Contains(nameof(PlantedViolation.TakesTheClock), StringComparison.Ordinal));
    }

    /// <summary>"Type.Method" of every method whose IL calls one of the forbidden getters (lambdas and async state machines included).</summary>
    public static IReadOnlyList<string> ClockReaders(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var forbidden = Forbidden.Select(m => (m.Module, m.MetadataToken)).ToHashSet();
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
            {
                if (Calls(method, forbidden))
                {
                    found.Add($"{type.FullName}.{method.Name}");
                }
            }
        }

        return found;
    }

    private static bool Calls(MethodBase method, HashSet<(Module, int)> forbidden)
    {
        byte[]? body;
        try
        {
            body = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (body is null)
        {
            return false;
        }

        for (var i = 0; i < body.Length - 4; i++)
        {
            // call (0x28) or callvirt (0x6F), then a 4-byte method token.
            if (body[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            try
            {
                var called = method.Module.ResolveMethod(BitConverter.ToInt32(body, i + 1));
                if (called is not null && forbidden.Contains((called.Module, called.MetadataToken)))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token at this offset.
            }
        }

        return false;
    }
}

/// <summary>Code that breaks the rule on purpose, so the rule's test shows it would catch it.</summary>
internal static class PlantedViolation
{
    public static DateTime ReadsTheSystemClock() => DateTime.UtcNow;

    public static NodaTime.Instant ReadsNodaTimesSystemClock() => NodaTime.SystemClock.Instance.GetCurrentInstant();

    public static NodaTime.Instant TakesTheClock(NodaTime.IClock clock) => clock.GetCurrentInstant();
}
