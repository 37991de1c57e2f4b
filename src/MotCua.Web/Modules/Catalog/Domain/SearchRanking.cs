namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>How well a procedure matches what a person typed, with or without diacritics, words in any order.</summary>
public sealed class SearchRanking
{
    private readonly string _foldedQuery;
    private readonly string _rawQuery;
    private readonly IReadOnlyList<string> _words;

    public SearchRanking(string? query)
    {
        _rawQuery = VietnameseText.LowerKeepingMarks(query).Trim();
        _foldedQuery = VietnameseText.Fold(query);
        _words = VietnameseText.Words(query);
    }

    public IReadOnlyList<string> Words => _words;

    public bool IsEmpty => _words.Count == 0;

    /// <summary>Higher is better; 0 means no word matched anywhere.</summary>
    public double Score(string name, string code, string field)
    {
        if (IsEmpty)
        {
            return 0;
        }

        var foldedName = VietnameseText.Fold(name);
        var nameWords = foldedName.Split(' ');
        var rest = VietnameseText.Fold(code) + " " + VietnameseText.Fold(field);
        double score = 0;
        var wordsInName = 0;

        if (string.Equals(code, _rawQuery, StringComparison.OrdinalIgnoreCase))
        {
            score += 1000;
        }

        if (foldedName == _foldedQuery)
        {
            score += 500;
        }
        else if (nameWords.Length == _words.Count && _words.All(w => nameWords.Contains(w, StringComparer.Ordinal)))
        {
            // The same words in another order: "khai sinh dang ky" is "Đăng ký khai sinh".
            score += 400;
        }
        else if (ContainsPhrase(foldedName, _foldedQuery))
        {
            score += foldedName.StartsWith(_foldedQuery + " ", StringComparison.Ordinal) ? 100 : 60;
        }

        foreach (var word in _words)
        {
            if (nameWords.Contains(word, StringComparer.Ordinal))
            {
                score += 20;
                wordsInName++;
            }
            else if (foldedName.Contains(word, StringComparison.Ordinal))
            {
                score += 10;
                wordsInName++;
            }
            else if (rest.Contains(word, StringComparison.Ordinal))
            {
                score += 3;
            }
        }

        if (score == 0)
        {
            return 0;
        }

        if (wordsInName == _words.Count)
        {
            score += 50;
        }

        // How much of the name the query covers: short, specific names before long ones that merely mention the words.
        var covered = nameWords.Count(w => _words.Contains(w, StringComparer.Ordinal));
        score += 150.0 * covered / Math.Max(1, nameWords.Length);

        // Typed with the right accents: reward names that carry them too ("lệ phí" over "lê phi").
        if (_rawQuery.Length > 0 && VietnameseText.LowerKeepingMarks(name).Contains(_rawQuery, StringComparison.Ordinal))
        {
            score += 25;
        }

        // Among equals, the shorter (more specific) name first.
        return score - (foldedName.Length / 1000.0);
    }

    private static bool ContainsPhrase(string text, string phrase) =>
        phrase.Length > 0 && (" " + text + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);
}
