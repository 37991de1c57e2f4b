namespace MotCua.Web.Common.Web;

/// <summary>
/// Authorization policies the shared parts of the host need, by name; Identity defines what each requires, so the
/// shared parts never name a module's roles.
/// </summary>
public static class AccessPolicies
{
    /// <summary>The province's administrator, signed in on the back office (cookie).</summary>
    public const string ProvinceAdminPages = "province-admin-pages";

    /// <summary>The province's administrator, calling the API with a bearer token.</summary>
    public const string ProvinceAdminApi = "province-admin-api";
}
