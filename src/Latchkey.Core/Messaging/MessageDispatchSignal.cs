namespace Latchkey.Core.Messaging;

/// <summary>Wakes the dispatcher when a unit of work commits new messages, so mail goes out at once instead of at the next poll.</summary>
public sealed class MessageDispatchSignal
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
            // Already signalled; one wake-up covers every message committed before it is taken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
