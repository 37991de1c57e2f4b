using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// For the save interceptors: the tracker's changes found once, then read as they are. Each <c>Entries()</c> or
/// <c>Entry()</c> call otherwise scans every tracked entity again; a submission's save was scanned eight times.
/// </summary>
public static class TrackedChanges
{
    public static T ReadOnce<T>(DbContext context, Func<ChangeTracker, T> read)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(read);
        var tracker = context.ChangeTracker;
        if (!tracker.AutoDetectChangesEnabled)
        {
            return read(tracker);
        }

        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }
}
