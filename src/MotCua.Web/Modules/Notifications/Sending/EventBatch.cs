using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Templates;

namespace MotCua.Web.Modules.Notifications.Sending;

/// <summary>One application event to tell its applicant: the delivery, the event, its wording and where to reach them.</summary>
internal sealed record EventToSend(OutboxWork Work, ApplicationEventMessage Message, NotificationText Text, ApplicantContact Contact);

internal static class EventBatch
{
    /// <summary>
    /// The events of a batch the applicant hears of, each with its wording and the applicant's contact, read for the whole
    /// batch at once. Events said to no one (steps inside the office) and applications gone are left out: delivered, silently.
    /// </summary>
    public static async Task<List<EventToSend>> PrepareAsync(IEnumerable<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken)
    {
        var templates = services.GetRequiredService<NotificationTemplates>();
        var told = new List<(OutboxWork Work, ApplicationEventMessage Message, NotificationText Text)>();
        foreach (var work in works.Where(w => w.Type == ApplicationEventMessage.Type))
        {
            var message = ApplicationEventMessage.Read(work.Payload);
            if (await templates.TextForAsync(message, cancellationToken) is { } text)
            {
                told.Add((work, message, text));
            }
        }

        if (told.Count == 0)
        {
            return [];
        }

        var contacts = await services.GetRequiredService<ApplicantContacts>().ForAsync(told.Select(t => t.Message.Code), cancellationToken);
        return told.Where(t => contacts.ContainsKey(t.Message.Code))
            .Select(t => new EventToSend(t.Work, t.Message, t.Text, contacts[t.Message.Code]))
            .ToList();
    }

    /// <summary>Sends one at a time through an outside gateway; a refusal or timeout fails that delivery only.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> EachAsync<T>(IEnumerable<T> items, Func<T, long> id, Func<T, Task> send, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<long, string>();
        foreach (var item in items)
        {
            try
            {
                await send(item);
            }
            catch (HttpRequestException e)
            {
                failures[id(item)] = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failures[id(item)] = "No answer in time: " + e.Message;
            }
        }

        return failures;
    }
}
