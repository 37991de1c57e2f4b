using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Applications.Domain;

public enum ActorKind
{
    Applicant,
    Officer,
    System,

    /// <summary>A volunteer of a community digital-technology team or post-office staff: files on a citizen's behalf, with consent, and nothing else.</summary>
    Assistant,
}

/// <summary>Who acts on an application: an applicant, an officer with step roles over a unit sub-tree, or the system.</summary>
public sealed record Actor(Guid? UserId, string Name, ActorKind Kind, IReadOnlySet<StepRole> Roles, string? UnitPath)
{
    public static Actor Applicant(Guid userId, string name) => new(userId, name, ActorKind.Applicant, new HashSet<StepRole>(), null);

    public static Actor Officer(Guid userId, string name, IEnumerable<StepRole> roles, string unitPath) =>
        new(userId, name, ActorKind.Officer, roles.ToHashSet(), unitPath);

    public static Actor System(string name) => new(null, name, ActorKind.System, new HashSet<StepRole>(), null);

    public static Actor Assistant(Guid userId, string name) => new(userId, name, ActorKind.Assistant, new HashSet<StepRole>(), null);

    /// <summary>An officer's roles reach their unit and everything below it.</summary>
    public bool Covers(string unitPath) =>
        Kind == ActorKind.Officer && UnitPath is not null && unitPath.StartsWith(UnitPath, StringComparison.Ordinal);

    public bool Acts(StepRole role, string unitPath) => Roles.Contains(role) && Covers(unitPath);

    /// <summary>The role recorded in history for this action.</summary>
    public string RoleLabel(StepRole? role) => Kind switch
    {
        ActorKind.Applicant => "Applicant",
        ActorKind.System => "System",
        ActorKind.Assistant => "Assistant",
        _ => (role ?? Roles.OrderBy(r => r).FirstOrDefault()).ToString(),
    };
}
