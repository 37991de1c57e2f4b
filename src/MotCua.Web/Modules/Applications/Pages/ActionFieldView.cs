namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>One labelled field of an action form, with its hint and its error beside it.</summary>
public sealed record ActionFieldView(
    string Id,
    string Name,
    string Label,
    string? Value,
    string? Error,
    string? Hint = null,
    bool Multiline = false,
    bool Required = false,
    int MaxLength = 2000,
    string Type = "text");
