using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>axe-core against WCAG 2.1 A and AA: each call checks the page as it stands and keeps what it broke.</summary>
internal sealed class AxeCheck
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    public async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Passes.Length > 0, $"axe-core did not run on {name}.");
        _violations.AddRange(result.Violations.Select(v =>
            $"{name} ({page.Url}): {v.Id} [{v.Impact}] {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}"));
    }

    public void AssertNone() =>
        Assert.True(_violations.Count == 0, $"{_violations.Count} vi phạm WCAG 2.1 AA:\n" + string.Join('\n', _violations));
}
