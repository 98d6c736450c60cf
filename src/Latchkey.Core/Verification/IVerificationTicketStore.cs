namespace Latchkey.Core.Verification;

/// <summary>Port for tickets. State changes that decide single use are conditional updates, so two racing requests cannot both win.</summary>
public interface IVerificationTicketStore
{
    void Add(VerificationTicket ticket);

    /// <summary>An unconsumed, unexpired ticket by its secret's hash (no tracking).</summary>
    Task<VerificationTicket?> FindActiveByHashAsync(string purpose, byte[] secretHash, DateTime now, CancellationToken ct);

    /// <summary>The newest unconsumed, unexpired ticket for a purpose and address (no tracking).</summary>
    Task<VerificationTicket?> FindNewestActiveAsync(string purpose, string target, DateTime now, CancellationToken ct);

    /// <summary>How many tickets were issued for the address since <paramref name="since"/> (the per-address limit).</summary>
    Task<int> CountIssuedSinceAsync(string purpose, string target, DateTime since, CancellationToken ct);

    /// <summary>Marks every active ticket of the purpose and address used: only the newest message works.</summary>
    Task SupersedeAsync(string purpose, string target, DateTime now, CancellationToken ct);

    /// <summary>Takes one attempt from the ticket's budget; false when none is left or it is no longer active.</summary>
    Task<bool> TryTakeAttemptAsync(Guid ticketId, int maxAttempts, DateTime now, CancellationToken ct);

    /// <summary>Marks the ticket used; false if it was already used or has expired (the loser of a race).</summary>
    Task<bool> TryConsumeAsync(Guid ticketId, DateTime now, CancellationToken ct);
}
