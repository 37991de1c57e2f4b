using System.Reflection;
using NetArchTest.Rules;

namespace MotCua.ArchitectureTests;

/// <summary>
/// Modules talk through each other's public surface only: a type of one module may use another module's
/// <c>Public</c> namespace and nothing else of it (no entity, no DbSet, no handler, no page). <c>Common/</c> uses no
/// module at all, except the one DbContext, which composes Identity's user type. Razor views count as part of the
/// folder they live in (their generated class is named after the path, e.g. Modules_Catalog_Pages_Home).
/// </summary>
public sealed class ModuleSurfaceTests
{
    private const string Root = "MotCua.Web";
    private const string PlantedRoot = "MotCua.ArchitectureTests.Planted";

    /// <summary>The composition exception: the context is an IdentityDbContext of Identity's account type.</summary>
    private static readonly string[] CommonExceptions = ["MotCua.Web.Common.Persistence.MotCuaDbContext"];

    [Fact]
    public void Modules_use_each_others_public_surface_only()
    {
        var offenders = Offenders(typeof(Program).Assembly, Root);
        Assert.True(offenders.Count == 0, "Use the other module's Public namespace instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Common_uses_no_module()
    {
        var offenders = CommonOffenders(typeof(Program).Assembly, Root, CommonExceptions);
        Assert.True(offenders.Count == 0, "Common/ holds no module logic and names no module:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_module_has_a_public_surface_and_its_views_are_checked_with_it()
    {
        var web = typeof(Program).Assembly;
        Assert.Contains("Calendar", ModulesOf(web, Root));
        Assert.Contains("EForms", ModulesOf(web, Root));
        Assert.Contains(TypesOf(web, Root, "Applications").GetTypes(), t => t.Name.StartsWith("Modules_Applications_Pages_", StringComparison.Ordinal));
        foreach (var module in new[] { "Calendar", "Catalog", "Identity", "Applications", "Notifications", "EForms" })
        {
            Assert.True(web.GetTypes().Any(t => t.Namespace == $"{Root}.Modules.{module}.Public"), $"{module} has no Public namespace.");
        }
    }

    [Fact]
    public void The_module_rule_catches_a_planted_violation()
    {
        var offenders = Offenders(typeof(ModuleSurfaceTests).Assembly, PlantedRoot);
        Assert.Contains(offenders, o => o.Contains("Beta.Domain.ReadsAlphasEntity", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains("Beta.Pages.ReadsAlphasData", StringComparison.Ordinal));
        Assert.DoesNotContain(offenders, o => o.Contains("Gamma", StringComparison.Ordinal));
        Assert.DoesNotContain(offenders, o => o.Contains("Alpha.Data", StringComparison.Ordinal));
    }

    [Fact]
    public void The_common_rule_catches_a_planted_violation()
    {
        var offenders = CommonOffenders(typeof(ModuleSurfaceTests).Assembly, PlantedRoot, []);
        Assert.Contains(offenders, o => o.Contains("Common.UsesAModule", StringComparison.Ordinal));
        Assert.DoesNotContain(offenders, o => o.Contains("Common.PlainHelper", StringComparison.Ordinal));
    }

    /// <summary>"Type → dependency-namespace" for every type of a module that uses another module's non-public types.</summary>
    public static IReadOnlyList<string> Offenders(Assembly assembly, string root)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var modules = ModulesOf(assembly, root);
        var found = new List<string>();
        foreach (var module in modules)
        {
            foreach (var other in modules.Where(m => m != module))
            {
                var internals = InternalsOf(assembly, root, other);
                if (internals.Length == 0)
                {
                    continue;
                }

                found.AddRange(TypesOf(assembly, root, module)
                    .ShouldNot().HaveDependencyOnAny(internals).GetResult().FailingTypeNames?
                    .Select(t => $"{t} uses {other}'s internals") ?? []);
            }
        }

        return found;
    }

    public static IReadOnlyList<string> CommonOffenders(Assembly assembly, string root, IReadOnlyCollection<string> exceptions)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var moduleTypes = assembly.GetTypes().Where(t => t.Namespace?.StartsWith(root + ".Modules.", StringComparison.Ordinal) == true)
            .Select(t => t.FullName!).ToArray();
        var common = Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(root + ".Common")
            .And().DoNotHaveName(exceptions.Select(e => e[(e.LastIndexOf('.') + 1)..]).DefaultIfEmpty("-").ToArray());
        return common.ShouldNot().HaveDependencyOnAny(moduleTypes).GetResult().FailingTypeNames?.ToList() ?? [];
    }

    private static string[] ModulesOf(Assembly assembly, string root) =>
        [.. assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(root + ".Modules.", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace!.Split('.')[root.Split('.').Length + 1])
            .Distinct()];

    /// <summary>Full names of a module's types outside its Public namespace (nested types included).</summary>
    private static string[] InternalsOf(Assembly assembly, string root, string module) =>
        [.. assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == $"{root}.Modules.{module}" || ns.StartsWith($"{root}.Modules.{module}.", StringComparison.Ordinal))
                && ns != $"{root}.Modules.{module}.Public" && !ns.StartsWith($"{root}.Modules.{module}.Public.", StringComparison.Ordinal))
            .Select(t => t.FullName!.Replace('+', '/'))];

    /// <summary>A module's code types, and the Razor views compiled from files in its folder.</summary>
    private static PredicateList TypesOf(Assembly assembly, string root, string module) =>
        Types.InAssembly(assembly).That().ResideInNamespaceStartingWith($"{root}.Modules.{module}.")
            .Or().ResideInNamespace($"{root}.Modules.{module}")
            .Or().HaveNameStartingWith($"Modules_{module}_");
}
