using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>
/// Issues and redeems tickets. Links carry 256 random bits and are stored as SHA-256; codes are 6–8
/// digits stored as an HMAC keyed with a server secret (a stolen table alone cannot be brute-forced
/// offline), limited per code by an attempt budget that is taken before the comparison, so parallel
/// guesses cannot exceed it. Issuing only adds a row to the unit of work; redeeming marks it used with a
/// conditional update, which callers run in the transaction of their use case.
/// </summary>
public sealed partial class TicketService(
    IVerificationTicketStore store,
    ServerSecrets secrets,
    IOptions<VerificationOptions> options,
    TimeProvider clock,
    ILogger<TicketService> logger)
{
    public const string CodeKeyName = "one-time-code-hmac";
    private const int LinkBytes = 32;

    public static readonly AuthError InvalidToken = new(AuthErrorCodes.InvalidToken, "The link is invalid, has expired or was already used");
    public static readonly AuthError InvalidCode = new(AuthErrorCodes.InvalidCode, "The code is invalid, has expired or was already used");

    /// <summary>A new link ticket, or null when the address has had its share of messages for now.</summary>
    public async Task<IssuedTicket?> IssueLinkAsync(string purpose, Guid? userId, string target, TimeSpan lifetime, string? payload, CancellationToken ct)
    {
        if (!await WithinAddressLimitAsync(purpose, target, ct)) return null;
        var secret = RandomSecrets.Base64Url(LinkBytes);
        var ticket = NewTicket(purpose, userId, target, lifetime, payload);
        ticket.SecretHash = SecretHash.Sha256(secret);
        store.Add(ticket);
        return new IssuedTicket(ticket, secret, lifetime);
    }

    /// <summary>A new one-time code (it supersedes older ones: only the newest is checked), or null past the per-address limit.</summary>
    public async Task<IssuedTicket?> IssueCodeAsync(string purpose, Guid? userId, string target, string? payload, CancellationToken ct)
    {
        if (!await WithinAddressLimitAsync(purpose, target, ct)) return null;
        var settings = options.Value;
        var code = RandomNumberGenerator.GetString("0123456789", settings.CodeLength);
        var ticket = NewTicket(purpose, userId, target, settings.CodeLifetime, payload);
        ticket.SecretHash = CodeHash(ticket.Id, code);
        store.Add(ticket);
        return new IssuedTicket(ticket, code, settings.CodeLifetime);
    }

    /// <summary>The active ticket behind a link token, without using it up (validate-reset-token).</summary>
    public async Task<VerificationTicket?> PeekLinkAsync(string purpose, string? token, CancellationToken ct) =>
        IsWellFormedLink(token) ? await store.FindActiveByHashAsync(purpose, SecretHash.Sha256(token!), Now, ct) : null;

    /// <summary>Uses up a link ticket. Run inside the use case's transaction.</summary>
    public async Task<Result<VerificationTicket>> RedeemLinkAsync(string purpose, string? token, CancellationToken ct)
    {
        var ticket = await PeekLinkAsync(purpose, token, ct);
        if (ticket is null || !await store.TryConsumeAsync(ticket.Id, Now, ct)) return InvalidToken;
        await store.SupersedeAsync(purpose, ticket.Target, Now, ct);
        return ticket;
    }

    /// <summary>Checks a code against the newest active one for the address and uses it up. Run inside the use case's transaction.</summary>
    /// <remarks>With <paramref name="userId"/>, a code issued to another account is refused (and still costs an attempt).</remarks>
    public async Task<Result<VerificationTicket>> RedeemCodeAsync(string purpose, string target, string? code, CancellationToken ct, Guid? userId = null)
    {
        if (code is null || code.Length is < 6 or > 8 || !code.All(char.IsAsciiDigit)) return InvalidCode;
        var now = Now;
        var ticket = await store.FindNewestActiveAsync(purpose, target, now, ct);
        if (ticket is null) return InvalidCode;
        if (!await store.TryTakeAttemptAsync(ticket.Id, options.Value.MaxCodeAttempts, now, ct)) return InvalidCode;
        if (!SecretHash.FixedTimeEquals(CodeHash(ticket.Id, code), ticket.SecretHash)) return InvalidCode;
        if (userId is not null && ticket.UserId != userId) return InvalidCode;
        if (!await store.TryConsumeAsync(ticket.Id, now, ct)) return InvalidCode;
        await store.SupersedeAsync(purpose, target, now, ct);
        return ticket;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> WithinAddressLimitAsync(string purpose, string target, CancellationToken ct)
    {
        var settings = options.Value;
        var sent = await store.CountIssuedSinceAsync(purpose, target, Now - settings.AddressWindow, ct);
        if (sent < settings.MaxMessagesPerAddress) return true;
        LogAddressLimit(logger, purpose, settings.MaxMessagesPerAddress, settings.AddressWindow);
        return false;
    }

    private VerificationTicket NewTicket(string purpose, Guid? userId, string target, TimeSpan lifetime, string? payload)
    {
        var now = Now;
        return new VerificationTicket
        {
            Id = Ids.New(), Purpose = purpose, UserId = userId, Target = target, SecretHash = [], Payload = payload,
            CreatedAt = now, ExpiresAt = now + lifetime,
        };
    }

    private byte[] CodeHash(Guid ticketId, string code) =>
        HMACSHA256.HashData(secrets.Get(CodeKeyName), Encoding.UTF8.GetBytes($"{ticketId:N}:{code}"));

    // 32 bytes in base64url are 43 characters; anything else cannot be ours and costs no query.
    private static bool IsWellFormedLink(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Per-address limit reached for {Purpose} ({Limit} per {Window}); message not sent")]
    private static partial void LogAddressLimit(ILogger logger, string purpose, int limit, TimeSpan window);
}
