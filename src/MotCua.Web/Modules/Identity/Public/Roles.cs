namespace MotCua.Web.Modules.Identity.Public;

/// <summary>Role names as they appear in tokens, /api/v1/me and the database.</summary>
public static class Roles
{
    public const string Citizen = "Citizen";
    public const string Business = "Business";
    public const string Reception = "Reception";
    public const string Specialist = "Specialist";
    public const string Leader = "Leader";
    public const string AgencyAdmin = "AgencyAdmin";
    public const string ProvinceAdmin = "ProvinceAdmin";

    public static readonly IReadOnlyList<string> All =
        [Citizen, Business, Reception, Specialist, Leader, AgencyAdmin, ProvinceAdmin];

    /// <summary>Roles held by officers; each is scoped to the officer's unit and its sub-tree.</summary>
    public static readonly IReadOnlyList<string> Officer = [Reception, Specialist, Leader, AgencyAdmin, ProvinceAdmin];

    public static string DisplayName(string role) => role switch
    {
        Citizen => "Công dân",
        Business => "Doanh nghiệp",
        Reception => "Cán bộ một cửa",
        Specialist => "Chuyên viên",
        Leader => "Lãnh đạo",
        AgencyAdmin => "Quản trị cơ quan",
        ProvinceAdmin => "Quản trị cấp tỉnh",
        _ => role,
    };
}

public enum AccountType
{
    Citizen,
    Business,
    Officer,
}
