using Latchkey.Core.Common;

namespace Latchkey.Core.Challenges;

/// <summary>Issues and redeems <see cref="AuthChallenge"/> tickets; the clear token exists only in the answer.</summary>
public sealed class ChallengeTickets(IAuthChallengeStore store, TimeProvider clock)
{
    /// <summary>
    /// Adds a ticket to the unit of work and returns its clear token and expiry. A caller may supply the
    /// token when it already holds a fresh 256-bit random value the client must echo (a WebAuthn challenge).
    /// </summary>
    public (string Token, DateTime ExpiresAt) Issue(string kind, Guid? userId, string? state, TimeSpan lifetime, string? token = null)
    {
        token ??= RandomSecrets.Base64Url();
        var now = clock.GetUtcNow().UtcDateTime;
        var challenge = new AuthChallenge
        {
            Id = Ids.New(),
            TokenHash = SecretHash.Sha256(token),
            Kind = kind,
            UserId = userId,
            State = state,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        store.Add(challenge);
        return (token, challenge.ExpiresAt);
    }

    /// <summary>The live ticket for <paramref name="token"/>, or null (unknown, expired, used, or malformed).</summary>
    public Task<AuthChallenge?> FindAsync(string? token, string kind, CancellationToken ct) =>
        token is { Length: 43 }
            ? store.FindAsync(SecretHash.Sha256(token), kind, clock.GetUtcNow().UtcDateTime, ct)
            : Task.FromResult<AuthChallenge?>(null);

    /// <summary>Finds and consumes in one go, for ceremonies that allow exactly one attempt.</summary>
    public async Task<AuthChallenge?> RedeemAsync(string? token, string kind, CancellationToken ct)
    {
        var challenge = await FindAsync(token, kind, ct);
        return challenge is not null && await store.TryConsumeAsync(challenge.Id, ct) ? challenge : null;
    }

    public Task<bool> TryTakeAttemptAsync(AuthChallenge challenge, int maxAttempts, CancellationToken ct) =>
        store.TryTakeAttemptAsync(challenge.Id, maxAttempts, ct);

    public Task<bool> TryConsumeAsync(AuthChallenge challenge, CancellationToken ct) => store.TryConsumeAsync(challenge.Id, ct);
}
