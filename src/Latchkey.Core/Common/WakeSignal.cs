namespace Latchkey.Core.Common;

/// <summary>
/// Wakes a background sender when a commit adds rows to its queue, so they leave at once; its poll is then only for
/// retries and rows other nodes added. One subclass per queue, so each is its own singleton.
/// </summary>
public abstract class WakeSignal
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
