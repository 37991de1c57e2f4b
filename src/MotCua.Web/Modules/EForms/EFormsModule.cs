using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.EForms;

/// <summary>
/// E-forms in one place: a procedure's form is a JSON Schema with layout hints (<see cref="FormDefinition"/>), read into
/// fields (<see cref="FormFields"/>), rendered by Public/_EFormFields.cshtml and checked by <see cref="FormValidation"/>.
/// Catalog stores the form with its procedure; Applications renders and checks it when people file.
/// </summary>
public static class EFormsModule
{
    public static WebApplicationBuilder AddEForms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<FormValidation>();
        return builder;
    }
}
