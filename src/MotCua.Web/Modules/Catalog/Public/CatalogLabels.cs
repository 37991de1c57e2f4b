namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>How the portal names catalog terms to people.</summary>
public static class CatalogLabels
{
    public static string OnlineLevel(Public.OnlineLevel level) => level switch
    {
        Public.OnlineLevel.Full => "Trực tuyến toàn trình",
        Public.OnlineLevel.Partial => "Trực tuyến một phần",
        _ => "Chỉ cung cấp thông tin",
    };
}
