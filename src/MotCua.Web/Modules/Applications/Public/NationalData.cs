using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>
/// What a national database answered for a number: whether the platform was reached, whether it holds a record, the
/// name the record gives (the person's or the business's) and a line an officer reads; or why not.
/// </summary>
public sealed record NationalDataAnswer(bool Reached, bool Found, string? Name, string? Summary, IReadOnlyDictionary<string, string> Fields, string? Error)
{
    public static NationalDataAnswer Unreached(string error) => new(false, false, null, null, new Dictionary<string, string>(), error);
}

/// <summary>
/// The national data-sharing platform, as the applications module asks it: the record a database holds for an identity
/// number or tax code. The national module provides it when <c>NationalData:Enabled</c>; without it nothing is looked
/// up and every document is asked for on paper (or as an upload) as before.
/// </summary>
public interface INationalDataPlatform
{
    Task<NationalDataAnswer> LookUpAsync(NationalDatabaseKind database, string number, CancellationToken cancellationToken);
}
