using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Verification;

/// <summary>
/// Work that depends on whether an account exists (looking it up, issuing a ticket, composing and
/// queueing the mail), taken off the request of the anonymous "send me a link" endpoints: the answer
/// goes out after the same work for every address, and <see cref="AccountMailWorker"/> does the rest.
/// Without it the known-address path answered measurably later (issue 22, item 5).
/// </summary>
public sealed partial class AccountMailQueue(ILogger<AccountMailQueue> logger)
{
    // Bounded so a flood cannot grow memory without end; the per-IP rate limits keep it far from full.
    private readonly Channel<AccountMailJob> _jobs = Channel.CreateBounded<AccountMailJob>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(AccountMailJob job)
    {
        if (!_jobs.Writer.TryWrite(job)) LogDropped(logger, job.Kind);
    }

    internal ChannelReader<AccountMailJob> Reader => _jobs.Reader;

    [LoggerMessage(LogLevel.Warning, "The account mail queue is full; a {Kind} request was dropped (the caller can ask again)")]
    private static partial void LogDropped(ILogger logger, string kind);
}

/// <summary>
/// A deferred request: <see cref="Run"/> is called on a fresh service scope by the worker, with the
/// values the request already checked (address syntax, redirect page) captured.
/// </summary>
public sealed record AccountMailJob(string Kind, Func<IServiceProvider, CancellationToken, Task> Run);
