namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>The officer pages' tabs: inbox, every application of the unit, and (reception) keying in a paper application.</summary>
public sealed record OfficerNavView(string Current, bool IsReception);
