namespace MotCua.Web.Modules.Identity.Pages;

/// <summary>One labelled input with its hint and its error, as the registration forms show them.</summary>
public sealed record FieldView(
    string Name,
    string Label,
    string? Value,
    string? Hint = null,
    string Type = "text",
    string? Autocomplete = null,
    string? InputMode = null,
    int MaxLength = 200);
