using System.Security.Claims;

namespace MotCua.Web.Modules.Identity.Public;

/// <summary>An outside system authenticated by its own key (Identity.Systems), as other modules see it.</summary>
public sealed record SystemCaller(string Id, string Name, IReadOnlySet<string> Actions)
{
    public const string IdClaim = "motcua:system";
    public const string ActionClaim = "motcua:system-action";

    /// <summary>The transitions meant for systems: a person can never make them.</summary>
    public static readonly IReadOnlyList<string> SystemActions = ["payment-confirmed"];

    /// <summary>The authorization policy of the system endpoints (the system key scheme only).</summary>
    public const string Policy = "System";

    public static SystemCaller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(IdClaim)?.Value is { } id
            ? new SystemCaller(id, principal.Identity?.Name ?? id, principal.FindAll(ActionClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : null;
    }
}
