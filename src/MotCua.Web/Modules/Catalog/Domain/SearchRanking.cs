namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>How well a procedure matches what a person typed, with or without diacritics, words in any order.</summary>
public sealed class SearchRanking
{
    private readonly string _foldedQuery;
    private readonly string _rawQuery;
    private readonly IReadOnlyList<string> _words;
    private readonly string _paddedQuery;

    public SearchRanking(string? query)
    {
        _rawQuery = VietnameseText.LowerKeepingMarks(query).Trim();
        _foldedQuery = VietnameseText.Fold(query);
        _words = VietnameseText.Words(query);
        _paddedQuery = " " + _foldedQuery + " ";
    }

    public IReadOnlyList<string> Words => _words;

    public bool IsEmpty => _words.Count == 0;

    /// <summary>Higher is better; 0 means no word matched anywhere.</summary>
    public double Score(string name, string code, string field) => Score(Candidate.Of(name, code, field));

    /// <summary>The same score from a procedure folded once in advance (the catalog cache keeps one per procedure).</summary>
    public double Score(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (IsEmpty)
        {
            return 0;
        }

        var code = candidate.Code;
        var foldedName = candidate.FoldedName;
        var nameWords = candidate.NameWords;
        var rest = candidate.Rest;
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
        else if (nameWords.Count == _words.Count && HasAll(nameWords, _words))
        {
            // The same words in another order: "khai sinh dang ky" is "Đăng ký khai sinh".
            score += 400;
        }
        else if (_foldedQuery.Length > 0 && candidate.PaddedName.Contains(_paddedQuery, StringComparison.Ordinal))
        {
            score += candidate.PaddedName.StartsWith(_paddedQuery, StringComparison.Ordinal) ? 100 : 60;
        }

        foreach (var word in _words)
        {
            if (Has(nameWords, word))
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
        var covered = 0;
        foreach (var w in nameWords)
        {
            if (Has(_words, w))
            {
                covered++;
            }
        }

        score += 150.0 * covered / Math.Max(1, nameWords.Count);

        // Typed with the right accents: reward names that carry them too ("lệ phí" over "lê phi").
        if (_rawQuery.Length > 0 && candidate.LowerName.Contains(_rawQuery, StringComparison.Ordinal))
        {
            score += 25;
        }

        // Among equals, the shorter (more specific) name first.
        return score - (foldedName.Length / 1000.0);
    }

    private static bool HasAll(IReadOnlyList<string> words, IReadOnlyList<string> wanted)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            if (!Has(words, wanted[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Has(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (string.Equals(words[i], word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What scoring needs of one procedure, folded once.</summary>
    public sealed class Candidate
    {
        private Candidate(string code, string foldedName, string rest, string lowerName)
        {
            Code = code;
            FoldedName = foldedName;
            NameWords = foldedName.Split(' ');
            PaddedName = " " + foldedName + " ";
            Rest = rest;
            LowerName = lowerName;
        }

        public string Code { get; }
        public string FoldedName { get; }
        public IReadOnlyList<string> NameWords { get; }
        public string PaddedName { get; }

        /// <summary>Folded code and field.</summary>
        public string Rest { get; }

        public string LowerName { get; }

        public static Candidate Of(string name, string code, string field) =>
            new(code, VietnameseText.Fold(name), VietnameseText.Fold(code) + " " + VietnameseText.Fold(field), VietnameseText.LowerKeepingMarks(name));
    }
}
