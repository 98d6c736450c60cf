namespace Latchkey.Core.Credentials;

/// <summary>Mode <c>off</c>: nothing is checked, so nothing is reported as breached.</summary>
internal sealed class DisabledBreachedPasswordChecker : IBreachedPasswordChecker
{
    public Task<bool?> IsBreachedAsync(string password, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(false);
}
