using System.Net;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Catalog;

public abstract class CatalogApiTests(MotCuaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Units_form_the_demo_province_tree()
    {
        var units = (await _client.GetJsonAsync("/api/v1/units")).EnumerateArray().ToList();
        var root = Assert.Single(units, u => u.GetProperty("parentId").ValueKind == JsonValueKind.Null);
        var rootId = root.GetProperty("id").GetInt32();
        Assert.Equal("province", root.GetProperty("level").GetString());
        Assert.EndsWith(".H99", root.GetProperty("code").GetString(), StringComparison.Ordinal);

        int? Parent(JsonElement u) => u.GetProperty("parentId").ValueKind == JsonValueKind.Null ? null : u.GetProperty("parentId").GetInt32();
        var departments = units.Where(u => u.GetProperty("kind").GetString() == "Department" && Parent(u) == rootId).ToList();
        Assert.True(departments.Count >= 6, $"expected at least 6 departments, found {departments.Count}");

        // Two levels, as since 07/2025: the demo's communes and wards sit directly under the province, no district left.
        string[] seededCommunes = ["000.01.00.H99", "000.02.00.H99", "000.21.21.H99", "000.22.21.H99", "000.23.21.H99"];
        var provinceCommunes = units.Where(u => u.GetProperty("kind").GetString() == "Commune" && Parent(u) == rootId)
            .Select(u => u.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(seededCommunes.ToHashSet<string?>(), provinceCommunes);
        Assert.All(units.Where(u => seededCommunes.Contains(u.GetProperty("code").GetString())), c => Assert.Equal("commune", c.GetProperty("level").GetString()));
        Assert.DoesNotContain(units, u => u.GetProperty("code").GetString() == "000.00.21.H99");
        Assert.All(units, u => Assert.Matches(@"^\d{3}\.\d{2}\.\d{2}\.H99$", u.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("khai sinh dang ky")]
    [InlineData("dang ky khai sinh")]
    [InlineData("Đăng ký khai sinh")]
    public async Task Search_finds_birth_registration_first_with_or_without_diacritics(string q)
    {
        var result = await _client.GetJsonAsync($"/api/v1/procedures?q={Uri.EscapeDataString(q)}");
        var first = result.GetProperty("items")[0];
        Assert.Equal("Đăng ký khai sinh", first.GetProperty("name").GetString());
        Assert.Equal("1.001193", first.GetProperty("code").GetString());
        Assert.True(result.GetProperty("total").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("ket hon", "Đăng ký kết hôn")]
    [InlineData("khai tu dang ky", "Đăng ký khai tử")]
    [InlineData("1.000894", "Đăng ký kết hôn")]
    public async Task Search_finds_other_civil_status_procedures(string q, string expected)
    {
        var result = await _client.GetJsonAsync($"/api/v1/procedures?q={Uri.EscapeDataString(q)}");
        Assert.Equal(expected, result.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("cccd", "Cấp đổi, cấp lại thẻ căn cước")]
    [InlineData("cap lai cccd", "Cấp đổi, cấp lại thẻ căn cước")]
    [InlineData("gia hạn bhyt", "Gia hạn thẻ bảo hiểm y tế theo hộ gia đình có giảm trừ mức đóng")]
    [InlineData("bằng lái", "Cấp đổi giấy phép lái xe")]
    [InlineData("dang ki khai sinh", "Đăng ký khai sinh")]
    [InlineData("đăng kí kết hôn", "Đăng ký kết hôn")]
    public async Task Search_reads_everyday_words_and_spelling_variants(string q, string expected)
    {
        var result = await _client.GetJsonAsync($"/api/v1/procedures?q={Uri.EscapeDataString(q)}");
        Assert.Equal(expected, result.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_a_query_the_whole_catalog_pages()
    {
        var first = await _client.GetJsonAsync("/api/v1/procedures?pageSize=10&page=1");
        var second = await _client.GetJsonAsync("/api/v1/procedures?pageSize=10&page=2");
        Assert.True(first.GetProperty("total").GetInt32() >= 30);
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Empty(first.GetProperty("items").Strings("code").Intersect(second.GetProperty("items").Strings("code")));
    }

    [Theory]
    [InlineData("Full")]
    [InlineData("Partial")]
    [InlineData("Info")]
    public async Task Online_level_filter_returns_only_that_level(string level)
    {
        var result = await _client.GetJsonAsync($"/api/v1/procedures?onlineLevel={level}&pageSize=100");
        Assert.True(result.GetProperty("total").GetInt32() > 0);
        Assert.All(result.GetProperty("items").EnumerateArray(), p => Assert.Equal(level, p.GetProperty("onlineLevel").GetString()));
    }

    [Fact]
    public async Task Field_and_unit_filters_narrow_the_catalog()
    {
        var civil = await _client.GetJsonAsync($"/api/v1/procedures?field={Uri.EscapeDataString("Hộ tịch")}&pageSize=100");
        Assert.True(civil.GetProperty("total").GetInt32() >= 3);
        Assert.All(civil.GetProperty("items").EnumerateArray(), p => Assert.Equal("Hộ tịch", p.GetProperty("field").GetString()));

        var wardId = await OfficerUnitIdAsync();
        var atWard = await _client.GetJsonAsync($"/api/v1/procedures?unitId={wardId}&pageSize=100");
        Assert.True(atWard.GetProperty("total").GetInt32() >= 8);
        Assert.All(atWard.GetProperty("items").EnumerateArray(), p =>
            Assert.Contains(wardId, p.GetProperty("unitIds").EnumerateArray().Select(i => i.GetInt32())));
    }

    [Fact]
    public async Task Every_procedure_at_the_demo_officers_unit_goes_reception_specialist_leader()
    {
        var wardId = await OfficerUnitIdAsync();
        var atWard = await _client.GetJsonAsync($"/api/v1/procedures?unitId={wardId}&pageSize=100");
        foreach (var code in atWard.GetProperty("items").Strings("code"))
        {
            var procedure = await _client.GetJsonAsync($"/api/v1/procedures/{code}");
            Assert.Equal(["Reception", "Specialist", "Leader"], procedure.GetProperty("workflow").Strings("role"));
        }
    }

    [Fact]
    public async Task A_procedure_has_everything_a_citizen_and_the_back_office_need()
    {
        var p = await _client.GetJsonAsync("/api/v1/procedures/1.001193");
        Assert.Equal("1.001193", p.GetProperty("code").GetString());
        Assert.Equal("Đăng ký khai sinh", p.GetProperty("name").GetString());
        Assert.Equal("Hộ tịch", p.GetProperty("field").GetString());
        Assert.Contains(p.GetProperty("onlineLevel").GetString(), new[] { "Full", "Partial" });
        Assert.Equal(JsonValueKind.False, p.GetProperty("onlineOnly").ValueKind);
        Assert.True(p.GetProperty("processingDays").GetDecimal() > 0);
        Assert.True(p.GetProperty("unitIds").GetArrayLength() >= 5);
        Assert.True(p.GetProperty("documents").GetArrayLength() >= 1);
        Assert.All(p.GetProperty("documents").EnumerateArray(), d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("name").GetString()));
            Assert.True(d.GetProperty("originals").GetInt32() + d.GetProperty("copies").GetInt32() >= 0);
            Assert.True(d.TryGetProperty("vaultAllowed", out _));
        });
        Assert.Equal(JsonValueKind.Array, p.GetProperty("fees").ValueKind);
        Assert.Equal("object", p.GetProperty("formSchema").GetProperty("type").GetString());
        Assert.True(p.GetProperty("formSchema").GetProperty("properties").EnumerateObject().Count() >= 4);
        Assert.Equal(JsonValueKind.Array, p.GetProperty("formUi").GetProperty("order").ValueKind);
        Assert.Equal(1m, p.GetProperty("workflow").EnumerateArray().Sum(s => s.GetProperty("share").GetDecimal()));
    }

    [Fact]
    public async Task Working_hours_are_a_fraction_of_a_day()
    {
        var all = await _client.GetJsonAsync("/api/v1/procedures?pageSize=100");
        foreach (var code in all.GetProperty("items").Strings("code"))
        {
            var p = await _client.GetJsonAsync($"/api/v1/procedures/{code}");
            var time = p.GetProperty("processing");
            var expected = time.GetProperty("unit").GetString() == "WorkingHours"
                ? Math.Round(time.GetProperty("value").GetDecimal() / 8m, 4)
                : time.GetProperty("value").GetDecimal();
            Assert.Equal(expected, p.GetProperty("processingDays").GetDecimal());
        }
    }

    [Fact]
    public async Task An_unknown_procedure_is_a_404_problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/procedures/9.999999", UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("9.999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onlineLevel=Level4", "onlineLevel")]
    [InlineData("onlineLevel=2", "onlineLevel")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Bad_search_parameters_are_a_400_problem_naming_the_field(string query, string field)
    {
        using var response = await _client.GetAsync(new Uri($"/api/v1/procedures?{query}", UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private async Task<int> OfficerUnitIdAsync()
    {
        var reception = await app.ApiClientFor("reception1");
        var me = await reception.GetJsonAsync("/api/v1/me");
        return me.GetProperty("unitId").GetInt32();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogApiOnSqlite(SqliteApp app) : CatalogApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CatalogApiOnPostgres(PostgresApp app) : CatalogApiTests(app);
