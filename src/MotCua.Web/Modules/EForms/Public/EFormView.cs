
namespace MotCua.Web.Modules.EForms.Public;

/// <summary>What the e-form partial needs: the fields, the answers and the errors, both keyed by input name ("form.key").</summary>
/// <param name="WithScript">False where the page loads /js/eform.js itself (the builder's live preview).</param>
public sealed record EFormView(IReadOnlyList<FormField> Fields, IReadOnlyDictionary<string, string?> Answers, IReadOnlyDictionary<string, string> Errors, bool WithScript = true);
