using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>
/// One line of the national list of documents a procedure no longer asks for on paper, because a national database
/// supplies them (../shared/reference/documents-replaced-by-national-data.tsv): which procedure, which document, which
/// database and who keeps it. Loaded once into every database; after that the province admin owns the list.
/// </summary>
public sealed class NationalDataReplacement
{
    public const int ProcedureCodeLength = 32;
    public const int ProcedureNameLength = 1000;
    public const int DocumentLength = 600;
    public const int DatabaseLength = 300;
    public const int OwnerLength = 300;

    private NationalDataReplacement()
    {
        ProcedureCode = ProcedureName = DocumentReplaced = NationalDatabase = DatabaseOwner = string.Empty;
    }

    public NationalDataReplacement(string procedureCode, string procedureName, string documentReplaced, string nationalDatabase, string databaseOwner)
    {
        ProcedureName = procedureName;
        ProcedureCode = DocumentReplaced = NationalDatabase = DatabaseOwner = string.Empty;
        Change(procedureCode, documentReplaced, nationalDatabase, databaseOwner);
    }

    public int Id { get; private set; }

    /// <summary>The national procedure code (matched against a catalog procedure's national code, else its code).</summary>
    public string ProcedureCode { get; private set; }

    /// <summary>The procedure's name as the national list words it (for reading the list; the catalog's own name rules).</summary>
    public string ProcedureName { get; private set; }

    /// <summary>The document as the list names it ("Căn cước"): it replaces every document of the procedure whose name contains it.</summary>
    public string DocumentReplaced { get; private set; }

    public string NationalDatabase { get; private set; }
    public string DatabaseOwner { get; private set; }

    /// <summary>Which national platform service supplies it, read from the database's name.</summary>
    public NationalDatabaseKind Kind => NationalDataSource.KindOf(NationalDatabase);

    public void Change(string procedureCode, string documentReplaced, string nationalDatabase, string databaseOwner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(procedureCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentReplaced);
        ArgumentException.ThrowIfNullOrWhiteSpace(nationalDatabase);
        ProcedureCode = procedureCode.Trim();
        DocumentReplaced = documentReplaced.Trim();
        NationalDatabase = nationalDatabase.Trim();
        DatabaseOwner = databaseOwner?.Trim() ?? string.Empty;
    }
}
