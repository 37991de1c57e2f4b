using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.UnitTests.Modules.Catalog;

public sealed class SearchRankingTests
{
    private static readonly (string Name, string Code, string Field)[] Catalog =
    [
        ("Đăng ký khai tử", "1.000656", "Hộ tịch"),
        ("Đăng ký lại khai sinh", "1.004884", "Hộ tịch"),
        ("Đăng ký khai sinh có yếu tố nước ngoài", "1.001695", "Hộ tịch"),
        ("Đăng ký khai sinh", "1.001193", "Hộ tịch"),
        ("Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "2.000986", "Hộ tịch"),
        ("Đăng ký kết hôn", "1.000894", "Hộ tịch"),
    ];

    private static List<string> Rank(string query)
    {
        var ranking = new SearchRanking(query);
        return Catalog.Select(p => (p.Name, Score: ranking.Score(p.Name, p.Code, p.Field)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .Select(p => p.Name)
            .ToList();
    }

    [Theory]
    [InlineData("khai sinh dang ky")]
    [InlineData("dang ky khai sinh")]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("DANG KY KHAI SINH")]
    [InlineData("sinh khai")]
    public void The_exact_procedure_comes_first_whatever_the_order_and_accents(string query) =>
        Assert.Equal("Đăng ký khai sinh", Rank(query)[0]);

    [Fact]
    public void Every_procedure_containing_all_words_is_found()
    {
        var found = Rank("khai sinh dang ky");
        Assert.Contains("Đăng ký lại khai sinh", found);
        Assert.Contains("Đăng ký khai sinh có yếu tố nước ngoài", found);
        Assert.DoesNotContain("Đăng ký khai tử", found.Take(4));
    }

    [Fact]
    public void A_short_specific_name_comes_before_a_long_one_that_mentions_the_words()
    {
        var found = Rank("khai sinh dang ky");
        Assert.True(found.IndexOf("Đăng ký lại khai sinh") < found.FindIndex(n => n.StartsWith("Liên thông", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_national_code_finds_its_procedure_first() =>
        Assert.Equal("Đăng ký kết hôn", Rank("1.000894")[0]);

    [Fact]
    public void Nothing_matches_an_unrelated_word() =>
        Assert.Empty(Rank("xe máy"));

    [Fact]
    public void An_empty_query_is_empty() =>
        Assert.True(new SearchRanking("  ,, ").IsEmpty);

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("khai sinh dang ky")]
    [InlineData("1.000894")]
    [InlineData("ho tich")]
    public void A_procedure_folded_in_advance_scores_the_same(string query)
    {
        var ranking = new SearchRanking(query);
        foreach (var (name, code, field) in Catalog)
        {
            Assert.Equal(ranking.Score(name, code, field), ranking.Score(SearchRanking.Candidate.Of(name, code, field)));
        }
    }
}
