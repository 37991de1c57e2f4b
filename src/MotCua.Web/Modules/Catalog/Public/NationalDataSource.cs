using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>The national databases the data-sharing platform reaches, as far as MotCua looks them up.</summary>
public enum NationalDatabaseKind
{
    /// <summary>Cơ sở dữ liệu quốc gia về dân cư (Bộ Công an): the person behind an identity number.</summary>
    Population,

    /// <summary>Cơ sở dữ liệu hộ tịch điện tử (Bộ Tư pháp).</summary>
    CivilStatus,

    /// <summary>Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp (Bộ Tài chính): the business behind a tax code.</summary>
    Business,

    /// <summary>Cơ sở dữ liệu quốc gia về đất đai (Bộ Nông nghiệp và Môi trường).</summary>
    Land,

    /// <summary>Cơ sở dữ liệu đăng ký xe (Bộ Công an).</summary>
    Vehicle,

    /// <summary>Cơ sở dữ liệu lý lịch tư pháp (Bộ Tư pháp).</summary>
    JudicialRecord,

    Other,
}

/// <summary>A document of a procedure that a national database supplies: the list's line, and the database it names.</summary>
public sealed record NationalDataSource(int Id, string ProcedureCode, string DocumentReplaced, string NationalDatabase, string DatabaseOwner, NationalDatabaseKind Kind)
{
    /// <summary>
    /// Whether this line replaces the procedure's <paramref name="document"/>: its name contains the line's document,
    /// compared without diacritics or case ("Thẻ căn cước hoặc giấy tờ tùy thân…" contains "Căn cước").
    /// </summary>
    public bool Supplies(RequiredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var wanted = VietnameseText.Fold(DocumentReplaced);
        return wanted.Length > 0 && VietnameseText.Fold(document.Name).Contains(wanted, StringComparison.Ordinal);
    }

    /// <summary>Whether two names are the same person's or business's, written with or without diacritics, in any case.</summary>
    public static bool SameName(string a, string b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);

    /// <summary>The database kind its name says; the first named wins when a line names several ("CSDL dân cư; CSDL hộ tịch").</summary>
    public static NationalDatabaseKind KindOf(string database)
    {
        var folded = VietnameseText.Fold(database);
        (string Word, NationalDatabaseKind Kind)[] words =
        [
            ("dan cu", NationalDatabaseKind.Population), ("can cuoc", NationalDatabaseKind.Population), ("ho tich", NationalDatabaseKind.CivilStatus),
            ("doanh nghiep", NationalDatabaseKind.Business), ("dat dai", NationalDatabaseKind.Land), ("dang ky xe", NationalDatabaseKind.Vehicle),
            ("ly lich tu phap", NationalDatabaseKind.JudicialRecord),
        ];
        return words.Select(w => (w.Kind, At: folded.IndexOf(VietnameseText.Fold(w.Word), StringComparison.Ordinal))).Where(w => w.At >= 0)
            .OrderBy(w => w.At).Select(w => w.Kind).DefaultIfEmpty(NationalDatabaseKind.Other).First();
    }

    /// <summary>The database in the words a citizen reads.</summary>
    public static string Vietnamese(NationalDatabaseKind kind) => kind switch
    {
        NationalDatabaseKind.Population => "Cơ sở dữ liệu quốc gia về dân cư",
        NationalDatabaseKind.CivilStatus => "Cơ sở dữ liệu hộ tịch điện tử",
        NationalDatabaseKind.Business => "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
        NationalDatabaseKind.Land => "Cơ sở dữ liệu quốc gia về đất đai",
        NationalDatabaseKind.Vehicle => "Cơ sở dữ liệu đăng ký xe",
        NationalDatabaseKind.JudicialRecord => "Cơ sở dữ liệu lý lịch tư pháp",
        _ => "Cơ sở dữ liệu quốc gia",
    };
}
