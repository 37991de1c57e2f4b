namespace MotCua.Web.Modules.Applications.Forms;

/// <summary>What the e-form partial needs: the form, the current answers and the field errors ("form.key" → message).</summary>
public sealed record EFormView(EForm Form, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors);
