using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// The last check before a write: every string that is added or changed fits its column and carries no character
/// PostgreSQL refuses (NUL) or no person types. SQLite would store anything; PostgreSQL would fail the whole
/// transaction. With this guard both refuse the same input the same way, as a 400 naming the property, and nothing is
/// written. Each use case still checks its own fields first, with a message beside the field.
/// </summary>
public sealed class TextColumnGuard : SaveChangesInterceptor
{
    public static readonly TextColumnGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        TrackedChanges.ReadOnce(context, tracker =>
        {
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    Check(entry);
                }
            }

            return 0;
        });
    }

    private static void Check(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string value
                || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            var max = property.Metadata.GetMaxLength();
            if (!TextRules.IsClean(value) || (max is int limit && value.Length > limit))
            {
                var field = char.ToLowerInvariant(property.Metadata.Name[0]) + property.Metadata.Name[1..];
                throw new InputRejectedException(field, TextRules.IsClean(value) ? TextRules.TooLong(max!.Value) : TextRules.UncleanMessage);
            }
        }
    }
}
