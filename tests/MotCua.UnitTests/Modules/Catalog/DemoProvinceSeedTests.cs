using System.Text;
using System.Text.Json;
using MotCua.Web.Modules.Catalog.Seed;

namespace MotCua.UnitTests.Modules.Catalog;

public sealed class DemoProvinceSeedTests
{
    private static readonly string File = DemoProvinceSeed.DefaultFile;

    [Fact]
    public void Every_text_in_the_demo_province_is_unicode_nfc()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var offenders = Strings(document.RootElement).Where(s => !s.IsNormalized(NormalizationForm.FormC)).ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("1.001193", "Đăng ký khai sinh")]
    [InlineData("1.000656", "Đăng ký khai tử")]
    [InlineData("1.000894", "Đăng ký kết hôn")]
    [InlineData("2.000986", null)]
    [InlineData("1.004222", null)]
    [InlineData("1.004194", null)]
    [InlineData("1.012768", null)]
    public void Essential_services_are_seeded_with_their_national_codes(string code, string? name)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var procedure = document.RootElement.GetProperty("procedures").EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == code);
        Assert.Equal(code, procedure.GetProperty("nationalCode").GetString());
        if (name is not null)
        {
            Assert.Equal(name, procedure.GetProperty("name").GetString());
        }
    }

    [Fact]
    public void Local_codes_are_used_only_where_no_national_code_is_published()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        foreach (var p in document.RootElement.GetProperty("procedures").EnumerateArray())
        {
            var code = p.GetProperty("code").GetString()!;
            var national = p.GetProperty("nationalCode");
            if (national.ValueKind == JsonValueKind.Null)
            {
                Assert.StartsWith("DP-", code, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(code, national.GetString());
                Assert.Matches(@"^\d\.\d{6}$", code);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Append(p.Name)),
        _ => [],
    };
}
