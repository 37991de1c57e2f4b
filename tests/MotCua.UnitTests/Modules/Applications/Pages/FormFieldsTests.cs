using System.Text.Json;
using MotCua.Web.Modules.Applications.Pages;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.UnitTests.Modules.Applications.Pages;

/// <summary>The e-form as the desk renders it from the procedure's JSON Schema, and the answers it posts back.</summary>
public sealed class FormFieldsTests
{
    private static readonly FormDefinition Form = new("""
        {
          "type": "object",
          "required": ["hoTen", "ngaySinh"],
          "properties": {
            "soBan": { "type": "integer", "title": "Số bản", "minimum": 1, "maximum": 10 },
            "hoTen": { "type": "string", "title": "Họ và tên", "description": "Có dấu.", "maxLength": 100 },
            "ngaySinh": { "type": "string", "title": "Ngày sinh", "format": "date" },
            "gioiTinh": { "type": "string", "title": "Giới tính", "enum": ["Nam", "Nữ"] },
            "email": { "type": "string", "title": "Thư điện tử", "format": "email" }
          }
        }
        """, """{ "order": ["hoTen", "ngaySinh", "gioiTinh", "soBan"], "widgets": { "gioiTinh": "radio" } }""");

    [Fact]
    public void Fields_come_in_the_layout_order_with_what_each_input_needs()
    {
        var fields = FormFields.Read(Form);

        Assert.Equal(["hoTen", "ngaySinh", "gioiTinh", "soBan", "email"], fields.Select(f => f.Key));
        var name = fields[0];
        Assert.Equal(("Họ và tên", "Có dấu.", true, 100, "text", "form.hoTen", "form_hoTen"), (name.Label, name.Hint, name.Required, name.MaxLength, name.InputType, name.Name, name.Id));
        Assert.True(fields[1].IsDate);
        Assert.Equal("text", fields[1].InputType); // typed as ngày/tháng/năm whatever the phone's language
        Assert.Equal(["Nam", "Nữ"], fields[2].Choices);
        Assert.Equal("radio", fields[2].Widget);
        Assert.Equal(("number", 1m, 10m), (fields[3].InputType, fields[3].Minimum, fields[3].Maximum));
        Assert.Equal("email", fields[4].InputType);
        Assert.Empty(FormFields.Read(null));
    }

    [Fact]
    public void Posted_answers_become_the_json_the_schema_checks()
    {
        var posted = new Dictionary<string, string?>
        {
            ["form.hoTen"] = "  Nguye\u0302\u0303n Văn An ",
            ["form.ngaySinh"] = "2026-11-20",
            ["form.gioiTinh"] = "",
            ["form.soBan"] = "3",
        };

        var json = FormFields.ToJson(FormFields.Read(Form), name => posted.GetValueOrDefault(name));

        Assert.Equal("Nguyễn Văn An", json.GetProperty("hoTen").GetString());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("soBan").ValueKind);
        Assert.False(json.TryGetProperty("gioiTinh", out _));
        Assert.False(json.TryGetProperty("email", out _));
    }

    [Fact]
    public void A_number_that_is_not_one_stays_text_so_the_schema_explains()
    {
        var json = FormFields.ToJson(FormFields.Read(Form), name => name == "form.soBan" ? "ba" : null);

        Assert.Equal(JsonValueKind.String, json.GetProperty("soBan").ValueKind);
    }

    [Fact]
    public void Answers_are_labelled_with_the_form_titles_and_dates_read_the_vietnamese_way()
    {
        var answers = FormFields.Answers(FormFields.Read(Form), """{ "ngaySinh": "2026-11-20", "hoTen": "Nguyễn Văn An", "cu": "giá trị cũ" }""");

        Assert.Equal([("Họ và tên", "Nguyễn Văn An"), ("Ngày sinh", "20/11/2026"), ("cu", "giá trị cũ")], answers);
    }
}
