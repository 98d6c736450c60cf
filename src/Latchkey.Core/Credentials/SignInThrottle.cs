using System.Collections.Concurrent;
using Latchkey.Core.Cluster;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Throttles password guessing without letting anyone lock anyone out (ASVS 5 V6.3.1, V6.1.1). Each
/// (login, client IP) pair may fail <see cref="LockoutOptions.MaxFailedAttempts"/> times; after that it
/// must wait a delay that doubles with every further failure (30 s, 1 min, 2 min... up to
/// <see cref="LockoutOptions.Duration"/>). Only that pair waits: the owner signing in from elsewhere
/// is not affected. Across all clients one login may fail <see cref="LockoutOptions.AccountCeiling"/>
/// times per <see cref="LockoutOptions.Window"/> before everyone waits, which bounds distributed guessing.
/// Keys are the normalized login as typed, never the account, so an unknown address is counted and
/// refused exactly like a known one and the answers cannot tell them apart. Counters live in memory,
/// per node; on PostgreSQL the account-wide count is also kept in the nodes' <see cref="SharedCounters"/>
/// (a fixed window), so guessing spread over N nodes still meets one ceiling (docs/operations.md). The options are read per use through the live
/// <c>IOptions</c> of the runtime settings, so an administrator's lockout threshold applies at once.
/// </summary>
public sealed class SignInThrottle(IOptions<LockoutOptions> options, SharedCounters shared, TimeProvider clock)
{
    public static readonly AuthError Refused = new(AuthErrorCodes.RateLimited, "Too many failed sign-in attempts; try again later");

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _calls;

    /// <summary>When the pair or the login must wait, until when; null when an attempt may go ahead.</summary>
    public DateTimeOffset? RefusedUntil(string normalizedLogin, RequestContext context)
    {
        var settings = options.Value;
        if (settings.MaxFailedAttempts == 0) return null;
        var now = clock.GetUtcNow();
        var pair = Peek(PairKey(normalizedLogin, context), now, settings);
        var account = Peek(AccountKey(normalizedLogin), now, settings);
        DateTimeOffset? until = null;
        if (pair is { } p && p.Failures >= settings.MaxFailedAttempts && p.Last + Delay(p.Failures, settings) > now)
            until = p.Last + Delay(p.Failures, settings);
        if (account is { } a && a.Failures >= settings.AccountCeiling && a.Start + settings.Window > now)
            until = Max(until, a.Start + settings.Window);
        if (shared.IsShared && shared.Check(AccountKey(normalizedLogin), settings.Window, settings.AccountCeiling) is { Allowed: false } everywhere)
            until = Max(until, everywhere.Reset);
        return until;
    }

    public void RecordFailure(string normalizedLogin, RequestContext context)
    {
        var settings = options.Value;
        if (settings.MaxFailedAttempts == 0) return;
        var now = clock.GetUtcNow();
        Bump(PairKey(normalizedLogin, context), now, settings);
        Bump(AccountKey(normalizedLogin), now, settings);
        if (shared.IsShared) shared.Add(AccountKey(normalizedLogin), settings.Window);
        if (Interlocked.Increment(ref _calls) % 1_000 == 0) Prune(now, settings);
    }

    /// <summary>A right password clears this client's count; the account-wide count keeps running, as the guessing elsewhere may.</summary>
    public void RecordSuccess(string normalizedLogin, RequestContext context) =>
        _counters.TryRemove(PairKey(normalizedLogin, context), out _);

    /// <summary>The wait after <paramref name="failures"/> failures: FirstDelay doubled per failure past the free ones, capped.</summary>
    private static TimeSpan Delay(int failures, LockoutOptions settings)
    {
        var doublings = Math.Min(failures - settings.MaxFailedAttempts, 20);
        var delay = settings.FirstDelay * Math.Pow(2, doublings);
        return delay > settings.Duration ? settings.Duration : delay;
    }

    private State? Peek(string key, DateTimeOffset now, LockoutOptions settings)
    {
        if (!_counters.TryGetValue(key, out var counter)) return null;
        lock (counter)
            return counter.IsForgotten(now, settings) ? null : new State(counter.Start, counter.Last, counter.Failures);
    }

    private void Bump(string key, DateTimeOffset now, LockoutOptions settings)
    {
        var counter = _counters.GetOrAdd(key, static _ => new Counter());
        lock (counter)
        {
            if (counter.Failures == 0 || counter.IsForgotten(now, settings))
            {
                counter.Start = now;
                counter.Failures = 0;
            }
            counter.Failures++;
            counter.Last = now;
        }
    }

    private void Prune(DateTimeOffset now, LockoutOptions settings)
    {
        foreach (var (key, counter) in _counters)
            lock (counter)
                if (counter.IsForgotten(now, settings)) _counters.TryRemove(key, out _);
    }

    private static string PairKey(string login, RequestContext context) => $"p|{context.IpAddress}|{login}";

    private static string AccountKey(string login) => $"a|{login}";

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private sealed class Counter
    {
        public DateTimeOffset Start;
        public DateTimeOffset Last;
        public int Failures;

        /// <summary>A count is forgotten a window after it started, unless its client is still made to wait.</summary>
        public bool IsForgotten(DateTimeOffset now, LockoutOptions settings) =>
            Start + settings.Window <= now && Last + settings.Duration <= now;
    }

    private readonly record struct State(DateTimeOffset Start, DateTimeOffset Last, int Failures);
}
