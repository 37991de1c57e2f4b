namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>A level of the administrative tree (tỉnh, huyện, xã): data, so 2- and 3-level provinces both fit.</summary>
public sealed class AdministrativeLevel
{
    public AdministrativeLevel(string code, string name, int rank)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rank);
        Code = code;
        Name = name;
        Rank = rank;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>1 for the top level; larger is lower in the tree.</summary>
    public int Rank { get; private set; }
}

public enum UnitKind
{
    PeopleCommittee,
    Department,
    District,
    Office,
    Commune,
    ServiceCentre,
}

/// <summary>A node of the administrative tree: province, department, district, office or commune.</summary>
public sealed class Unit
{
    private Unit()
    {
        Code = Name = LevelCode = Path = string.Empty;
    }

    public Unit(string code, string name, UnitKind kind, AdministrativeLevel level, Unit? parent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(level);
        if (code.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("Mã định danh cơ quan không được chứa dấu '/'.", nameof(code));
        }

        Code = code;
        Name = name;
        Kind = kind;
        LevelCode = level.Code;
        Parent = parent;
        Path = (parent?.Path ?? "/") + code + "/";
    }

    public int Id { get; private set; }

    /// <summary>National agency identifier (mã định danh điện tử cơ quan), e.g. 000.00.04.H41.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }
    public UnitKind Kind { get; private set; }
    public string LevelCode { get; private set; }
    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }

    /// <summary>Codes from the root down, "/root/…/self/": a sub-tree is every unit whose path starts with this one.</summary>
    public string Path { get; private set; }

    /// <summary>The place name a document of this unit is dated at ("An Phú, ngày … tháng … năm …"); null = the name.</summary>
    public string? Place { get; private set; }

    /// <summary>The area the unit governs, as the portal names itself after it ("tỉnh An Bình"); null = the name.</summary>
    public string? AreaName { get; private set; }

    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    /// <summary>The short name people use ("UBND xã Đông Hòa" for "Ủy ban nhân dân xã Đông Hòa"); null = the name.</summary>
    public string? ShortName { get; private set; }

    /// <summary>The day it stopped existing (merged or dissolved); null while it works.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>The unit that took over its work when it ended; it now sits below that unit, so the successor's sub-tree keeps its history.</summary>
    public int? SuccessorId { get; private set; }

    public bool Ended => EndedOn is not null;

    public int Depth => Path.Count(c => c == '/') - 1;

    public void Rename(string name, string? shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        ShortName = Blank(shortName);
    }

    /// <summary>Puts the unit below <paramref name="parent"/>; its path changes, and the caller re-paths everything below it.</summary>
    public void MoveUnder(Unit parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.IsWithin(this))
        {
            throw new CatalogRuleException("Không chuyển được một đơn vị vào bên dưới chính nó.");
        }

        Parent = parent;
        ParentId = parent.Id;
        Path = parent.Path + Code + "/";
    }

    /// <summary>The path of a unit below this one after this one moved from <paramref name="oldPath"/>.</summary>
    public void Rebase(string oldPrefix, string newPrefix)
    {
        if (Path.StartsWith(oldPrefix, StringComparison.Ordinal))
        {
            Path = newPrefix + Path[oldPrefix.Length..];
        }
    }

    /// <summary>Ends the unit on <paramref name="on"/>: its work goes to <paramref name="successor"/>, and it moves below it.</summary>
    public void EndInto(Unit successor, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(successor);
        if (Ended)
        {
            throw new CatalogRuleException($"{Name} đã sáp nhập hoặc giải thể từ ngày {EndedOn:dd/MM/yyyy}.");
        }

        if (successor.Ended || successor.Id == Id)
        {
            throw new CatalogRuleException("Đơn vị kế thừa phải là một đơn vị khác đang hoạt động.");
        }

        MoveUnder(successor);
        EndedOn = on;
        SuccessorId = successor.Id;
    }

    public void SetContact(string? address, string? phone, string? email)
    {
        Address = Blank(address);
        Phone = Blank(phone);
        Email = Blank(email);
    }

    public void SetPlace(string? place, string? areaName)
    {
        Place = Blank(place);
        AreaName = Blank(areaName);
    }

    /// <summary>True when this unit is <paramref name="ancestor"/> itself or lies below it.</summary>
    public bool IsWithin(Unit ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        return Path.StartsWith(ancestor.Path, StringComparison.Ordinal);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
