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
    LatchkeyMetrics metrics,
    TimeProvider clock,
    ILogger<RefreshTokenService> logger)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidRefreshToken, "Invalid or expired refresh token");

    /// <summary>First-party refresh (Simple/Platform): OAuth grants' tokens are refused here.</summary>
    public Task<Result<RefreshedTokens>> RefreshAsync(string? refreshToken, RequestContext context, CancellationToken ct) =>
        RefreshAsync(refreshToken, DefaultAccessTokenFormat.Instance, context, ct);

    /// <summary>First-party refresh issuing the new access token in <paramref name="format"/> (the caller's surface's).</summary>
    /// <param name="withUser">Also return the account where the store reads it in the rotation's statement (PostgreSQL).</param>
    public async Task<Result<RefreshedTokens>> RefreshAsync(string? refreshToken, AccessTokenFormat format, RequestContext context, CancellationToken ct, bool withUser = false)
    {
        var rotated = await RotateAsync(refreshToken, null, context, ct, withUser: withUser);
        if (!rotated.IsSuccess) return rotated.Error;
        var r = rotated.Value;
        return new RefreshedTokens(accessTokens.Issue(r.Subject, r.SessionId, format), r.Successor, r.Subject, r.SessionId, r.User);
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
        string? refreshToken, Guid? clientRowId, RequestContext context, CancellationToken ct, Func<OAuthGrantInfo?, ValueTask<AuthError?>>? accept = null,
        bool withUser = false)
    {
        var result = await RotateOnceAsync(refreshToken, clientRowId, context, ct, accept, withUser);
        metrics.Refresh(result.IsSuccess);
        return result;
    }

    private async Task<Result<RotatedRefreshToken>> RotateOnceAsync(
        string? refreshToken, Guid? clientRowId, RequestContext context, CancellationToken ct, Func<OAuthGrantInfo?, ValueTask<AuthError?>>? accept,
        bool withUser)
    {
        // 32 random bytes encode to 43 base64url characters; anything else was never issued by us.
        if (refreshToken is not { Length: 43 }) return Invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = SecretHash.Sha256(refreshToken);
        var successor = DeriveSuccessor(refreshToken);
        if (accept is not null)
        {
            // The caller's checks need the grant before anything rotates (RFC 6749 §6): read first, rotate only
            // once they pass. Reuse is still caught before them, whatever else the request says.
            var seen = await sessions.FindRefreshTokenAsync(hash, ct);
            if (seen is null || !seen.IsUsable(now, clientRowId)) return Invalid;
            if (!await IsReplayAllowedAsync(seen, successor, now, ct))
            {
                await RevokeFamilyAsync(seen, context, now, ct);
                return Invalid;
            }
            if (await accept(seen.Grant) is { } refused) return refused;
        }

        var outcome = await sessions.FindAndRotateAsync(hash, issuer.NewRotation(clientRowId, successor, now, withUser), ct);
        if (outcome is not { Found: var found } || !found.IsUsable(now, clientRowId)) return Invalid;

        var result = new RotatedRefreshToken(found.SessionId, found.Subject, successor, found.Grant, outcome.User);
        // Not rotated by this call while the read saw it unrotated: a concurrent refresh of the same token won
        // the race just now, inside the grace window, and the successor is the same one either way.
        if (outcome.Rotated || found.RotatedAt is null) return result;
        if (await IsReplayAllowedAsync(found, successor, now, ct)) return result;

        await RevokeFamilyAsync(found, context, now, ct);
        return Invalid;
    }

    /// <summary>
    /// A rotated token presented again is allowed inside the grace window (two tabs refreshing at once), and
    /// later, within the retry window, while its successor was never used (the server died mid-refresh and
    /// restarted slowly: the client plainly never received it). Anything else is reuse.
    /// </summary>
    private async ValueTask<bool> IsReplayAllowedAsync(RefreshTokenLookup found, string successor, DateTime now, CancellationToken ct)
    {
        if (found.RotatedAt is not { } rotatedAt) return true;
        var since = now - rotatedAt;
        return since <= options.Value.RefreshGracePeriod
            || (since <= options.Value.RefreshRetryWindow && await SuccessorUnusedAsync(successor, ct));
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
