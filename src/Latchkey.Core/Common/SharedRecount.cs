using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Common;

/// <summary>
/// A per-node figure that is expensive to count (a pass over a million rows) and is kept between counts: the last
/// count with its instant, and at most one recount running at a time, whichever callers ask for it. The recount runs
/// in a scope of its own and ignores callers' cancellation, since it serves all of them; a failure reaches the
/// callers waiting on it and the next call tries again.
/// </summary>
public sealed class SharedRecount<T>(IServiceScopeFactory scopes, TimeProvider clock, Func<IServiceProvider, DateTime, Task<T>> count)
{
    private readonly Lock _gate = new();
    private Counted? _last;
    private Task<Counted>? _counting;

    public sealed record Counted(T Value, DateTime At);

    /// <summary>The last count, or null before the first.</summary>
    public Counted? Last => Volatile.Read(ref _last);

    /// <summary>Records a count the caller made itself.</summary>
    public void Remember(T value, DateTime at) => Volatile.Write(ref _last, new Counted(value, at));

    /// <summary>The recount in flight, or a new one.</summary>
    public Task<Counted> RecountAsync()
    {
        lock (_gate) return _counting ??= CountAsync();
    }

    private async Task<Counted> CountAsync()
    {
        // Yield first: RecountAsync stores this task under the lock before the finally below clears it.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var at = clock.GetUtcNow().UtcDateTime;
            var counted = new Counted(await count(scope.ServiceProvider, at), at);
            Volatile.Write(ref _last, counted);
            return counted;
        }
        finally
        {
            lock (_gate) _counting = null;
        }
    }
}
