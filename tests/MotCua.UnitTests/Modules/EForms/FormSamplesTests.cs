using System.Text.Json;
using MotCua.Web.Modules.Catalog.Seed;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.UnitTests.Modules.EForms;

/// <summary>A sample filled from a form's own schema passes that form's validation, for every e-form of the demo province.</summary>
public sealed class FormSamplesTests
{
    public static TheoryData<string> FormCodes()
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(DemoProvinceSeed.DefaultFile));
        var data = new TheoryData<string>();
        foreach (var p in seed.RootElement.GetProperty("procedures").EnumerateArray().Where(p => p.GetProperty("form").ValueKind == JsonValueKind.Object))
        {
            data.Add(p.GetProperty("code").GetString()!);
        }

        return data;
    }

    public static FormDefinition Form(string code)
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(DemoProvinceSeed.DefaultFile));
        var form = seed.RootElement.GetProperty("procedures").EnumerateArray().Single(p => p.GetProperty("code").GetString() == code).GetProperty("form");
        return new FormDefinition(form.GetProperty("schema").GetRawText(), form.GetProperty("ui").GetRawText());
    }

    [Theory]
    [MemberData(nameof(FormCodes))]
    public async Task Every_demo_form_accepts_its_sample(string code)
    {
        var form = Form(code);
        var errors = await new FormValidation(NodaTime.SystemClock.Instance).ValidateAsync(form, FormSamples.Filled(form));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_pattern_no_one_could_type_shows_in_the_sample_check()
    {
        var form = new FormDefinition("""{"type":"object","required":["maSo"],"properties":{"maSo":{"type":"string","title":"Mã số","pattern":"^X[0-9]{3}$"}}}""", "{}");
        var errors = await new FormValidation(NodaTime.SystemClock.Instance).ValidateAsync(form, FormSamples.Filled(form));
        Assert.True(errors.ContainsKey("form.maSo"));
    }
}
