using Microsoft.Extensions.Primitives;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// Drops the in-memory copies of some data at once when an edit on this node changes it, including a copy whose load
/// began before the edit: take <see cref="Token"/> before loading and attach it to the cache entry, so an edit landing
/// while loading expires the entry it would otherwise leave stale. Other nodes reload when their entries expire.
/// </summary>
public sealed class CacheVersion : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _version = new();

    public IChangeToken Token()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_version.Token);
        }
    }

    public void Invalidate()
    {
        CancellationTokenSource old;
        lock (_gate)
        {
            old = _version;
            _version = new CancellationTokenSource();
        }

        // Not disposed: a load that began before this edit may still hold its token.
        old.Cancel();
    }

    public void Dispose() => _version.Dispose();
}
