namespace Latchkey.Core.Webhooks;

/// <summary>Wakes the dispatcher when a commit adds deliveries, so events leave at once; the poll is for retries and other nodes' rows.</summary>
public sealed class WebhookDispatchSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every row committed before it is taken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
