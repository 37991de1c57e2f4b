
namespace MotCua.Web.Modules.EForms.Public;

/// <summary>What the e-form partial needs: the fields, the answers and the errors, both keyed by input name ("form.key").</summary>
public sealed record EFormView(IReadOnlyList<FormField> Fields, IReadOnlyDictionary<string, string?> Answers, IReadOnlyDictionary<string, string> Errors);
