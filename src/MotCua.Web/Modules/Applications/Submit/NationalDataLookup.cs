using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>
/// For an applicant whose identity is verified, asks the national databases for the documents the national list says
/// they supply for this procedure (<see cref="CatalogDirectory.SuppliedDocumentsAsync"/>): each database once, by the
/// applicant's identity number (or a business's tax code). A record is used when it names the applicant; otherwise the
/// document is asked for as usual and the officer reads why.
/// </summary>
public sealed class NationalDataLookup(CatalogDirectory catalog, IEnumerable<INationalDataPlatform> platforms, IClock clock)
{
    private readonly INationalDataPlatform? _platform = platforms.FirstOrDefault();

    /// <summary>The databases looked up by the applicant's own number.</summary>
    private static readonly NationalDatabaseKind[] ByApplicantNumber =
        [NationalDatabaseKind.Population, NationalDatabaseKind.CivilStatus, NationalDatabaseKind.Business, NationalDatabaseKind.Land];

    /// <summary>Whether national data can replace anything here at all (the platform is connected).</summary>
    public bool Connected => _platform is not null;

    public async Task<IReadOnlyList<NationalDataUse>> LookUpAsync(ProcedureTerms procedure, ApplicantInfo applicant, bool identityVerified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(applicant);
        if (_platform is null || !identityVerified || applicant.IdentityNumber is not { } number)
        {
            return [];
        }

        var supplied = await catalog.SuppliedDocumentsAsync(procedure, cancellationToken);
        var answers = new Dictionary<NationalDatabaseKind, NationalDataAnswer>();
        var now = clock.GetCurrentInstant();
        var uses = new List<NationalDataUse>();
        foreach (var (document, source) in supplied)
        {
            if (!ByApplicantNumber.Contains(source.Kind))
            {
                uses.Add(Use(document, source, false, null, "Cơ sở dữ liệu này chưa tra cứu được theo số định danh; người nộp cung cấp giấy tờ như thường lệ.", now));
                continue;
            }

            if (!answers.TryGetValue(source.Kind, out var answer))
            {
                answer = await _platform.LookUpAsync(source.Kind, number, cancellationToken);
                answers[source.Kind] = answer;
            }

            var problem = !answer.Reached ? "Chưa kết nối được nền tảng chia sẻ dữ liệu: " + answer.Error
                : !answer.Found ? $"{source.NationalDatabase} không có thông tin của số {number}."
                : answer.Name is { } name && !NationalDataSource.SameName(name, applicant.Name) ? $"Thông tin trong {source.NationalDatabase} mang tên “{name}”, không khớp với người nộp."
                : null;
            uses.Add(Use(document, source, problem is null, problem is null ? answer.Summary : null, problem, now));
        }

        return uses;
    }

    /// <summary>What the population database holds for a verified applicant, to fill their e-form; null when not connected, not found or not reached.</summary>
    public async Task<NationalDataAnswer?> PersonAsync(string identityNumber, CancellationToken cancellationToken) =>
        _platform is null ? null
            : await _platform.LookUpAsync(NationalDatabaseKind.Population, identityNumber, cancellationToken) is { Found: true } found ? found : null;

    /// <summary>Whether a required document is still missing once these are attached and these national data used.</summary>
    public static bool StillMissing(ProcedureTerms procedure, bool online, IEnumerable<string> attached, IEnumerable<NationalDataUse> uses)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var present = attached.Concat(uses.Where(u => u.Used).Select(u => u.DocumentName)).ToHashSet(StringComparer.Ordinal);
        return procedure.Documents.Any(d => d.MustBeAttached(online) && !present.Contains(d.Name));
    }

    private static NationalDataUse Use(RequiredDocument document, NationalDataSource source, bool used, string? summary, string? problem, Instant now) =>
        new(document.Name, source.NationalDatabase, source.DatabaseOwner, source.Kind, used, Cut(summary), Cut(problem), now);

    private static string? Cut(string? text) => text is null || text.Length <= 400 ? text : text[..399] + "…";
}
