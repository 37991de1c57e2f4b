using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>One line of an application's history as people read it.</summary>
public sealed record HistoryLine(string Action, ApplicationStatus From, ApplicationStatus To, Instant At, string ActorName, string ActorRole, string? Note, string? InternalNote);

public static class HistoryLines
{
    /// <summary>
    /// The events in order, one line each, except that receiving records two events (received, then in progress at
    /// the first step, as the national status list asks): people see one "Tiếp nhận" from the first status to the last.
    /// </summary>
    public static IReadOnlyList<HistoryLine> Of(IEnumerable<ApplicationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lines = new List<HistoryLine>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (lines.Count > 0 && lines[^1] is { Action: "receive", To: ApplicationStatus.Received } received
                && e.Action == "receive" && e.FromStatus == ApplicationStatus.Received && e.ActorName == received.ActorName)
            {
                lines[^1] = received with { To = e.ToStatus, Note = received.Note ?? e.Note, InternalNote = received.InternalNote ?? e.InternalNote };
                continue;
            }

            lines.Add(new HistoryLine(e.Action, e.FromStatus, e.ToStatus, e.At, e.ActorName, e.ActorRole, e.Note, e.InternalNote));
        }

        return lines;
    }
}
