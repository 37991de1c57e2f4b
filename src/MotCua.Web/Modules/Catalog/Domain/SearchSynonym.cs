namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>
/// A word or abbreviation citizens type for a procedure ("cccd", "sổ đỏ", "hộ khẩu") and the words the catalog uses for
/// it ("căn cước", "quyền sử dụng đất", "thường trú"). The province admin keeps the list; search reads
/// a query's term as its meaning.
/// </summary>
public sealed class SearchSynonym
{
    public const int TermLength = 100;
    public const int MeaningLength = 200;

    private SearchSynonym()
    {
        Term = Meaning = FoldedTerm = string.Empty;
    }

    public SearchSynonym(string term, string meaning)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        ArgumentException.ThrowIfNullOrWhiteSpace(meaning);
        Term = term.Trim();
        Meaning = meaning.Trim();
        FoldedTerm = VietnameseText.Fold(Term);
    }

    public int Id { get; private set; }
    public string Term { get; private set; }
    public string Meaning { get; private set; }

    /// <summary>The term as search compares it: one entry per folded term.</summary>
    public string FoldedTerm { get; private set; }
}
