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

    /// <summary>Community digital-technology team volunteers and post-office staff: file for citizens with consent, no back office.</summary>
    public const string Assistant = "Assistant";

    public static readonly IReadOnlyList<string> All =
        [Citizen, Business, Reception, Specialist, Leader, AgencyAdmin, ProvinceAdmin, Assistant];

    /// <summary>Roles held by officers; each is scoped to the officer's unit and its sub-tree.</summary>
    public static readonly IReadOnlyList<string> Officer = [Reception, Specialist, Leader, AgencyAdmin, ProvinceAdmin, Assistant];

    /// <summary>The roles of the back office (the one-stop, processing, administration): every officer role but the assistant's.</summary>
    public static readonly IReadOnlyList<string> BackOffice = [Reception, Specialist, Leader, AgencyAdmin, ProvinceAdmin];

    public static string DisplayName(string role) => role switch
    {
        Citizen => "Công dân",
        Business => "Doanh nghiệp",
        Reception => "Cán bộ một cửa",
        Specialist => "Chuyên viên",
        Leader => "Lãnh đạo",
        AgencyAdmin => "Quản trị cơ quan",
        ProvinceAdmin => "Quản trị cấp tỉnh",
        Assistant => "Hỗ trợ nộp hồ sơ (tổ công nghệ số, bưu điện)",
        _ => role,
    };
}

public enum AccountType
{
    Citizen,
    Business,
    Officer,
}
