using Latchkey.Core.Credentials;

namespace Latchkey.Core.Tests.Credentials;

/// <summary>A breach checker with a fixed answer, recording what it was asked.</summary>
internal sealed class FakeBreachChecker(bool? answer) : IBreachedPasswordChecker
{
    public List<string> Checked { get; } = [];

    public Task<bool?> IsBreachedAsync(string password, CancellationToken cancellationToken)
    {
        Checked.Add(password);
        return Task.FromResult(answer);
    }
}
