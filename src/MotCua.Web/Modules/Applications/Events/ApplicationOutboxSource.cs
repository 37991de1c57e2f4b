using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Events;

/// <summary>
/// Every history line added to an application in a save becomes one message, in that save's transaction: the one
/// place application events reach the outbox (no handler writes them).
/// </summary>
internal sealed class ApplicationOutboxSource : IOutboxSource
{
    public IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var envelopes = new List<OutboxEnvelope>();
        foreach (var entry in changes.Entries<Application>())
        {
            var application = entry.Entity;

            // An application brought over from the former system tells nobody about its past: its batch has one
            // message for the statistics instead (ImportOutboxSource).
            if (entry.State == EntityState.Added && application.ImportedAt is not null)
            {
                continue;
            }

            foreach (var e in application.Events)
            {
                if (changes.Context.Entry(e).State != EntityState.Added)
                {
                    continue;
                }

                var message = new ApplicationEventMessage(
                    1,
                    application.Code,
                    application.ProcedureCode,
                    application.ProcedureName,
                    application.UnitId,
                    application.ApplicantId,
                    e.Sequence,
                    e.Action,
                    e.FromStatus,
                    e.ToStatus,
                    e.ToStatus.NationalCode(),
                    application.Channel.NationalCode(),
                    VietnamTime.Offset(e.At),
                    e.Note,
                    VietnamTime.Offset(application.DueAt),
                    e.Action == "apologize" ? VietnamTime.Offset(application.ApologyNewDueAt) : null,
                    e.Action == "request-supplement" ? application.SupplementItems.Select(i => i.Field is null ? i.Name : $"Sửa thông tin tờ khai: {i.Name}").ToList() : null,
                    e.Action is "refuse" or "reject" or "suspend" ? application.Reason : null,
                    e.Action == "request-payment" || (e.Action == "submit" && application.AwaitsFeeAtSubmission) ? application.AmountDue : null);
                envelopes.Add(new OutboxEnvelope(ApplicationEventMessage.Type, JsonSerializer.Serialize(message, OutboxJson.Options)));
            }
        }

        return envelopes;
    }
}

/// <summary>
/// The applications imported in a save (one batch of an import file) become one <see cref="ApplicationsImportedMessage"/>,
/// in that save's transaction: the statistics count them, and no channel that writes to applicants subscribes to it.
/// </summary>
internal sealed class ImportOutboxSource : IOutboxSource
{
    public IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var codes = changes.Entries<Application>()
            .Where(e => e.State == EntityState.Added && e.Entity.ImportedAt is not null)
            .Select(e => e.Entity.Code).ToList();
        return codes.Count == 0 ? [] : [new OutboxEnvelope(ApplicationsImportedMessage.Type, JsonSerializer.Serialize(new ApplicationsImportedMessage(1, codes), OutboxJson.Options))];
    }
}
