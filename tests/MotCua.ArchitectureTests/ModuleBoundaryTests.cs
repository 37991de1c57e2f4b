using System.Reflection;
using NetArchTest.Rules;

namespace MotCua.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static readonly string[] Modules = Types.InAssembly(Web)
        .That().ResideInNamespaceStartingWith("MotCua.Web.Modules.")
        .GetTypes()
        .Select(t => t.Namespace!.Split('.')[3])
        .Distinct()
        .ToArray();

    public static TheoryData<string> ModuleNames() => new(Modules);

    [Fact]
    public void The_host_has_modules() =>
        Assert.Contains("Catalog", Modules);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_domain_is_plain_csharp_without_ef_core_or_aspnet(string module)
    {
        var domain = Types.InAssembly(Web).That().ResideInNamespace($"MotCua.Web.Modules.{module}.Domain");
        if (!domain.GetTypes().Any())
        {
            return;
        }

        var result = domain.ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Npgsql", "System.Net.Http")
            .GetResult();
        Assert.True(result.IsSuccessful, $"{module}/Domain depends on infrastructure: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_domain_does_not_read_the_clock_itself(string module)
    {
        var offenders = Types.InAssembly(Web).That().ResideInNamespace($"MotCua.Web.Modules.{module}.Domain").GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => ReadsClock(m))
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToList();
        Assert.True(offenders.Count == 0, $"Domain code must take the clock as a parameter: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Migrations_assemblies_do_not_reference_the_host()
    {
        foreach (var name in new[] { "MotCua.Migrations.Sqlite", "MotCua.Migrations.Postgres" })
        {
            var assembly = Assembly.Load(name);
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == "MotCua.Web");
        }
    }

    /// <summary>Looks for DateTime.Now/UtcNow/Today and DateTimeOffset.Now/UtcNow in the IL of a method.</summary>
    private static bool ReadsClock(MethodInfo method)
    {
        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null)
        {
            return false;
        }

        var forbidden = new[]
        {
            typeof(DateTime).GetProperty(nameof(DateTime.Now))!.GetMethod!,
            typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!.GetMethod!,
            typeof(DateTime).GetProperty(nameof(DateTime.Today))!.GetMethod!,
            typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!.GetMethod!,
            typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!.GetMethod!,
        }.Select(m => m.MetadataToken).ToHashSet();

        for (var i = 0; i < body.Length - 4; i++)
        {
            // call (0x28) followed by a 4-byte method token.
            if (body[i] != 0x28)
            {
                continue;
            }

            var token = BitConverter.ToInt32(body, i + 1);
            try
            {
                var called = method.Module.ResolveMethod(token);
                if (called is not null && called.DeclaringType is { } type
                    && (type == typeof(DateTime) || type == typeof(DateTimeOffset))
                    && forbidden.Contains(called.MetadataToken))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token at this offset: the byte was part of another instruction.
            }
        }

        return false;
    }
}
