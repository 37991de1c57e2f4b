using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Preferences;
using MotCua.Web.Modules.Notifications.Templates;

namespace MotCua.Web.Modules.Notifications.Sending;

/// <summary>One application event to tell its applicant on one channel: the delivery, the event, its wording, whom and where.</summary>
internal sealed record EventToSend(OutboxWork Work, ApplicantEvent Message, NotificationText Text, string Name, string To);

internal static class EventBatch
{
    /// <summary>
    /// The events of a batch the applicant hears of on <paramref name="channel"/>, each with its wording and the address
    /// to use (<see cref="ChannelChoices"/>), read for the whole batch at once. Events said to no one (steps inside the
    /// office), applicants who did not choose the channel or confirm the address, and applications gone are left out:
    /// delivered, silently.
    /// </summary>
    public static async Task<List<EventToSend>> PrepareAsync(IEnumerable<OutboxWork> works, IServiceProvider services, SendChannel channel, CancellationToken cancellationToken)
    {
        var templates = services.GetRequiredService<NotificationTemplates>();
        var told = new List<(OutboxWork Work, ApplicantEvent Message, NotificationText Text)>();
        foreach (var work in works)
        {
            if (ApplicantEvent.From(work) is { } message && await templates.TextForAsync(message, cancellationToken) is { } text)
            {
                told.Add((work, message, text));
            }
        }

        if (told.Count == 0)
        {
            return [];
        }

        var contacts = await services.GetRequiredService<ApplicantContacts>().ForAsync(told.Select(t => t.Message.Code), cancellationToken);
        var accounts = told.Select(t => t.Message.ApplicantUserId).OfType<Guid>().ToHashSet();
        var addresses = await services.GetRequiredService<ChannelChoices>().AddressesAsync(accounts, channel, cancellationToken);
        var sends = new List<EventToSend>();
        foreach (var (work, message, text) in told)
        {
            if (contacts.GetValueOrDefault(message.Code) is not { } contact)
            {
                continue;
            }

            // A walk-in applicant has no account to choose with: the contact the desk recorded, by e-mail and SMS.
            var to = message.ApplicantUserId is Guid userId ? addresses.GetValueOrDefault(userId)
                : channel switch { SendChannel.Email => contact.Email, SendChannel.Sms => contact.Phone, _ => null };
            if (!string.IsNullOrWhiteSpace(to))
            {
                sends.Add(new EventToSend(work, message, text, contact.Name, to));
            }
        }

        return sends;
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
