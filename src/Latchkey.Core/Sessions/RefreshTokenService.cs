using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Sessions;

/// <summary>
/// Refresh-token rotation with reuse detection (RFC 9700 §4.14.2).
/// The successor of a token is derived from it with a server-side HMAC key, so a second refresh of the
/// same token inside the grace window can be answered with the same successor without storing any
/// token in clear. A later retry whose successor was never used gets it too, within
/// <see cref="SessionOptions.RefreshRetryWindow"/> (a refresh lost to a server restart); any other reuse
/// revokes the whole family (the session).
/// </summary>
public sealed class RefreshTokenService(
    ISessionStore sessions,
    SessionIssuer issuer,
    AccessTokenIssuer accessTokens,
    ServerSecrets secrets,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<SessionOptions> options,
    TimeProvider clock,
    ILogger<RefreshTokenService> logger)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidRefreshToken, "Invalid or expired refresh token");

    /// <summary>First-party refresh (Simple/Platform): OAuth grants' tokens are refused here.</summary>
    public Task<Result<RefreshedTokens>> RefreshAsync(string? refreshToken, RequestContext context, CancellationToken ct) =>
        RefreshAsync(refreshToken, DefaultAccessTokenFormat.Instance, context, ct);

    /// <summary>First-party refresh issuing the new access token in <paramref name="format"/> (the caller's surface's).</summary>
    public async Task<Result<RefreshedTokens>> RefreshAsync(string? refreshToken, AccessTokenFormat format, RequestContext context, CancellationToken ct)
    {
        var rotated = await RotateAsync(refreshToken, null, context, ct);
        if (!rotated.IsSuccess) return rotated.Error;
        var r = rotated.Value;
        return new RefreshedTokens(accessTokens.Issue(r.Subject, r.SessionId, format), r.Successor, r.Subject, r.SessionId);
    }

    /// <summary>
    /// Rotates a refresh token of the family that belongs to <paramref name="clientRowId"/> (null: a
    /// first-party session). The one mechanism behind every refresh, whatever tokens the caller then mints.
    /// </summary>
    /// <param name="accept">
    /// The caller's remaining checks of the request against the grant (e.g. the OAuth scope). They run
    /// before the token is rotated: only a response that issues tokens may use up the old one (RFC 6749 §6).
    /// </param>
    public async Task<Result<RotatedRefreshToken>> RotateAsync(
        string? refreshToken, Guid? clientRowId, RequestContext context, CancellationToken ct, Func<OAuthGrantInfo?, ValueTask<AuthError?>>? accept = null)
    {
        // 32 random bytes encode to 43 base64url characters; anything else was never issued by us.
        if (refreshToken is not { Length: 43 }) return Invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        var found = await sessions.FindRefreshTokenAsync(SecretHash.Sha256(refreshToken), ct);
        if (found is null || found.SessionRevokedAt is not null || found.SessionExpiresAt <= now
            || found.TokenExpiresAt <= now || found.Subject.Disabled || found.Grant?.ClientRowId != clientRowId)
            return Invalid;

        // A rotated token past the grace window is reuse whatever else the request says, except a retry
        // whose successor was never used (the server died mid-refresh and restarted slowly): the client
        // plainly never received it, so within the retry window it gets the same successor again.
        var successor = DeriveSuccessor(refreshToken);
        if (found.RotatedAt is { } rotatedAt && now - rotatedAt > options.Value.RefreshGracePeriod
            && !(now - rotatedAt <= options.Value.RefreshRetryWindow && await SuccessorUnusedAsync(successor, ct)))
        {
            await RevokeFamilyAsync(found, context, now, ct);
            return Invalid;
        }
        if (accept is not null && await accept(found.Grant) is { } refused) return refused;

        var result = new RotatedRefreshToken(found.SessionId, found.Subject, successor, found.Grant);
        if (found.RotatedAt is null)
        {
            var row = issuer.NewRefreshToken(found.SessionId, found.Subject.UserId, successor, now, found.SessionExpiresAt);
            // When this returns false a concurrent refresh of the same token won the race: the token was
            // rotated just now, inside the grace window, and the successor is the same one either way.
            await sessions.TryRotateAsync(found.TokenId, row, now, ct);
        }
        // Otherwise rotated inside the grace window (or an unused successor's retry window): the same successor
        // again, so concurrent refreshes both succeed.
        return result;
    }

    /// <summary>The successor row exists and was never rotated itself (the one extra read happens only on a late retry).</summary>
    private async Task<bool> SuccessorUnusedAsync(string successor, CancellationToken ct) =>
        await sessions.FindRefreshTokenAsync(SecretHash.Sha256(successor), ct) is { RotatedAt: null, SessionRevokedAt: null };

    private async Task RevokeFamilyAsync(RefreshTokenLookup found, RequestContext context, DateTime now, CancellationToken ct)
    {
        logger.LogWarning("Refresh token reuse detected; revoking session {SessionId} of user {UserId}", found.SessionId, found.Subject.UserId);
        await unitOfWork.InTransactionAsync(async token =>
        {
            await sessions.RevokeAsync(found.SessionId, now, RevokeReasons.RefreshTokenReuse, token);
            activity.Record(ActivityTypes.RefreshTokenReused, found.Subject.UserId, context, success: false, new { sessionId = found.SessionId });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
    }

    private string DeriveSuccessor(string refreshToken)
    {
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(refreshToken.Length)];
        var length = Encoding.UTF8.GetBytes(refreshToken, input);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secrets.Get(ServerSecrets.RefreshSuccessorKey), input[..length], mac);
        return Base64Url.EncodeToString(mac);
    }
}
