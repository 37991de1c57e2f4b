namespace MotCua.Web.Modules.EForms.Public;

/// <summary>An e-form: a JSON Schema (labels as "title", help as "description") and layout hints.</summary>
public sealed record FormDefinition(string SchemaJson, string UiJson);
