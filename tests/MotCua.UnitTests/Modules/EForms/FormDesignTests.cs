using System.Text.Json;
using MotCua.Web.Modules.EForms.Public;
using NodaTime;

namespace MotCua.UnitTests.Modules.EForms;

/// <summary>The e-form builder's rules: designs become forms the portal renders and checks, shown-when rules and date limits included.</summary>
public sealed class FormDesignTests
{
    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    // 2 December 2026, 09:00 in Vietnam.
    private static readonly FormValidation Validation = new(new FixedClock(Instant.FromUtc(2026, 12, 2, 2, 0)));

    private static readonly List<FieldDesign> Birth =
    [
        new("hoTenTre", "Họ và tên của trẻ", null, FieldKind.Text, Required: true, MaxLength: 100),
        new("ngaySinh", "Ngày sinh", null, FieldKind.Date, Required: true, DateLimit: FormWidgets.NotAfterToday),
        new("daXacDinhCha", "Đã xác định được cha", null, FieldKind.YesNo, Required: true),
        new("hoTenCha", "Họ và tên người cha", null, FieldKind.Text, Required: true, ShownWhenField: "daXacDinhCha", ShownWhenValue: "true"),
        new("soDinhDanhCha", "Số định danh của người cha", null, FieldKind.Identity, Required: true, ShownWhenField: "daXacDinhCha", ShownWhenValue: "true"),
        new("noiCuTru", "Nơi cư trú", null, FieldKind.Address, Required: true),
        new("soDienThoai", "Số điện thoại", null, FieldKind.Phone, Required: true),
    ];

    private static JsonElement Answers(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public void A_design_becomes_a_schema_with_layout_hints_and_reads_back_the_same()
    {
        var form = FormDesigns.ToDefinition(Birth);
        using var schema = JsonDocument.Parse(form.SchemaJson);
        var properties = schema.RootElement.GetProperty("properties");
        Assert.Equal("^[0-9]{12}$", properties.GetProperty("soDinhDanhCha").GetProperty("pattern").GetString());
        Assert.Equal("boolean", properties.GetProperty("daXacDinhCha").GetProperty("type").GetString());
        Assert.Equal("Gồm 12 chữ số, in trên thẻ căn cước.", properties.GetProperty("soDinhDanhCha").GetProperty("description").GetString());

        var fields = FormFields.Read(form);
        Assert.Equal(Birth.Select(f => f.Key), fields.Select(f => f.Key));
        Assert.Equal(new ShownWhen("daXacDinhCha", ["true"]).Field, fields.Single(f => f.Key == "hoTenCha").ShownWhen!.Field);
        Assert.Equal(["true"], fields.Single(f => f.Key == "hoTenCha").ShownWhen!.Values);
        Assert.True(fields.Single(f => f.Key == "noiCuTru").IsAddress);

        var back = FormDesigns.From(form);
        Assert.Equal(Birth.Select(f => (f.Key, f.Kind, f.Required, f.ShownWhenField, f.ShownWhenValue, f.DateLimit)),
            back.Select(f => (f.Key, f.Kind, f.Required, f.ShownWhenField, f.ShownWhenValue, f.DateLimit)));
    }

    [Fact]
    public async Task A_field_hidden_by_its_rule_is_not_required_and_a_shown_one_is()
    {
        var form = FormDesigns.ToDefinition(Birth);
        var withoutFather = Answers(new { hoTenTre = "Lê Minh An", ngaySinh = "2026-11-20", daXacDinhCha = false, noiCuTru = "Thôn 1, xã Đông Hòa", soDienThoai = "0912345678" });
        Assert.Empty(await Validation.ValidateAsync(form, withoutFather));

        var withFather = Answers(new { hoTenTre = "Lê Minh An", ngaySinh = "2026-11-20", daXacDinhCha = true, noiCuTru = "Thôn 1, xã Đông Hòa", soDienThoai = "0912345678" });
        var errors = await Validation.ValidateAsync(form, withFather);
        Assert.Equal(["form.hoTenCha", "form.soDinhDanhCha"], errors.Keys.Order());
        Assert.Equal("Nhập họ và tên người cha.", errors["form.hoTenCha"]);
    }

    [Fact]
    public void The_answers_to_hidden_fields_are_not_kept()
    {
        var fields = FormFields.Read(FormDesigns.ToDefinition(Birth));
        var kept = FormFields.WithoutHidden(fields, Answers(new { hoTenTre = "Lê Minh An", daXacDinhCha = false, hoTenCha = "Lê Văn Ba" }));
        Assert.False(kept.TryGetProperty("hoTenCha", out _));
        Assert.Equal("Lê Minh An", kept.GetProperty("hoTenTre").GetString());
    }

    [Fact]
    public async Task A_birth_date_after_today_in_Vietnam_is_refused()
    {
        var form = FormDesigns.ToDefinition(Birth);
        var errors = await Validation.ValidateAsync(form, Answers(new { hoTenTre = "Lê Minh An", ngaySinh = "2030-01-01", daXacDinhCha = false, noiCuTru = "xã Đông Hòa", soDienThoai = "0912345678" }));
        Assert.Equal("Ngày sinh không thể sau ngày hôm nay (02/12/2026).", errors["form.ngaySinh"]);
        Assert.Single(errors);
    }

    [Fact]
    public async Task The_sample_reaches_the_fields_a_rule_hides_and_passes()
    {
        var form = FormDesigns.ToDefinition(Birth);
        var sample = FormSamples.Filled(form);
        Assert.True(sample.GetProperty("daXacDinhCha").GetBoolean());
        Assert.Equal("001090000001", sample.GetProperty("soDinhDanhCha").GetString());
        Assert.Empty(await Validation.ValidateAsync(form, sample));
    }

    [Fact]
    public async Task A_pattern_the_sample_cannot_match_fails_the_sample_check()
    {
        var form = FormDesigns.ToDefinition([new FieldDesign("bienSo", "Biển số xe", null, FieldKind.Text, Required: true, Pattern: "^[0-9]{2}[A-Z]-[0-9]{5}$")]);
        Assert.Empty(FormDesigns.Problems(FormDesigns.From(form)));
        Assert.True((await Validation.ValidateAsync(form, FormSamples.Filled(form))).ContainsKey("form.bienSo"));
    }

    [Fact]
    public void Each_design_mistake_is_named_on_its_field()
    {
        List<FieldDesign> design =
        [
            new("gioiTinh", "Giới tính", null, FieldKind.Choice, true, Choices: ["Nam"]),
            new("gioiTinh", "", null, FieldKind.Text, true),
            new("Ma so", "Mã số", null, FieldKind.Text, true, Pattern: "[0-9"),
            new("soLuong", "Số lượng", null, FieldKind.Number, true, Minimum: 10, Maximum: 1),
            new("ghiChu", "Ghi chú", null, FieldKind.Text, false, ShownWhenField: "soLuong", ShownWhenValue: "1"),
            new("lyDo", "Lý do", null, FieldKind.Text, false, ShownWhenField: "gioiTinh", ShownWhenValue: "Khác"),
        ];
        var problems = FormDesigns.Problems(design).Select(p => (p.Index, p.Property)).ToList();
        Assert.Equal(
            [(0, "Choices"), (1, "Label"), (1, "Key"), (2, "Key"), (2, "Pattern"), (3, "Minimum"), (4, "ShownWhenField"), (5, "ShownWhenValue")],
            problems);
        Assert.Contains("trùng với trường 1", FormDesigns.Problems(design)[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormSamplesTests.FormCodes), MemberType = typeof(FormSamplesTests))]
    public void Every_demo_form_opens_in_the_builder_and_republishes_the_same_questions(string code)
    {
        var form = FormSamplesTests.Form(code);
        var design = FormDesigns.From(form);
        Assert.Empty(FormDesigns.Problems(design));
        var before = FormFields.Read(form);
        var after = FormFields.Read(FormDesigns.ToDefinition(design));
        Assert.Equal(before.Select(f => (f.Key, f.Label, f.Required, f.Type, f.Format, string.Join('|', f.Choices), f.MaxLength, f.Minimum)),
            after.Select(f => (f.Key, f.Label, f.Required, f.Type, f.Format, string.Join('|', f.Choices), f.MaxLength, f.Minimum)));
    }

    [Theory]
    [InlineData("Họ, chữ đệm và tên người cha", "hoChuDemVaTenNguoiCha")]
    [InlineData("Số định danh", "soDinhDanh")]
    [InlineData("2 bản sao", "truong2BanSao")]
    public void A_key_is_made_from_the_label(string label, string key) => Assert.Equal(key, FormDesigns.KeyFor(label));

    [Fact]
    public void An_address_joins_the_house_and_street_to_the_place_picked()
    {
        var fields = FormFields.Read(FormDesigns.ToDefinition(Birth));
        var posted = new Dictionary<string, string> { ["form.noiCuTru"] = "Số 12 đường Trần Phú", ["form.noiCuTru.noi"] = "xã Đông Hòa, tỉnh An Bình" };
        var form = FormFields.ToJson(fields, name => posted.GetValueOrDefault(name));
        Assert.Equal("Số 12 đường Trần Phú, xã Đông Hòa, tỉnh An Bình", form.GetProperty("noiCuTru").GetString());
    }
}
