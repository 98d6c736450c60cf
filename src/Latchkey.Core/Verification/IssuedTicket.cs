namespace Latchkey.Core.Verification;

/// <summary>A ticket just issued, with its secret (link token or code) in clear: it exists only in the message sent.</summary>
public sealed record IssuedTicket(VerificationTicket Ticket, string Secret, TimeSpan Lifetime);
