using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The authorization_code grant (RFC 6749 §4.1.3 with RFC 7636 §4.6). A code is redeemed once, by the
/// client it was issued to, with the same redirect URI and the PKCE verifier; a second redemption revokes
/// the grant the first one produced.
/// </summary>
public sealed class AuthorizationCodeGrant(
    IAuthorizationCodeStore codes,
    IUserStore users,
    ISessionStore sessions,
    SessionStateCache sessionState,
    SessionIssuer issuer,
    OAuthTokenMinter minter,
    ScopeClaims claims,
    Licensing.EntitlementClaim entitlements,
    ImpersonatedGrants impersonated,
    ResourceIndicators resources,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<AuthorizationCodeGrant> logger)
{
    private static AuthError Invalid(string message) => new(AuthErrorCodes.InvalidGrant, message);

    public async Task<Result<TokenResponse>> RedeemAsync(
        OAuthClient client, string? code, string? redirectUri, string? verifier, string? resource, RequestContext context, CancellationToken ct)
    {
        if (!client.Allows(GrantTypes.AuthorizationCode)) return new AuthError(AuthErrorCodes.UnauthorizedClient, "This client may not use the authorization code grant");
        if (code is not { Length: 43 }) return Invalid("Invalid authorization code");
        var found = await codes.FindByHashAsync(SecretHash.Sha256(code), ct);
        if (found is null || found.ClientRowId != client.Id) return Invalid("Invalid authorization code");
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.ConsumedAt is not null) return await RejectReuseAsync(found, context, now, ct);
        if (found.ExpiresAt <= now) return Invalid("The authorization code has expired");
        if (redirectUri != found.RedirectUri) return Invalid("redirect_uri does not match the authorization request");
        if (!Pkce.Verify(verifier, found.CodeChallenge)) return Invalid("code_verifier is missing or does not match the code_challenge");
        var user = await users.FindByIdAsync(found.UserId, ct);
        if (user is null || user.Disabled) return Invalid("The user is no longer active");
        var audience = await resources.AudienceAsync(found.Scope, resource, ct);
        if (!audience.IsSuccess) return audience.Error;

        var grant = await impersonated.ResolveAsync(new OAuthGrantInfo(client.Id, found.Scope, found.BrowserSessionId, found.AuthTime), ct);
        var withRefresh = OAuthTokenMinter.GetsRefreshToken(client, found.Scope) && grant.ActorId is null;
        var refresh = await unitOfWork.InTransactionAsync<string?>(async token =>
        {
            var grantId = Ids.New();
            if (!await codes.TryConsumeAsync(found.Id, grantId, now, token)) return "";
            var started = issuer.StartGrant(user.Id, grant, withRefresh, context, grantId);
            activity.Record(ActivityTypes.OAuthTokenIssued, user.Id, context, details: new { clientId = client.ClientId, grant = GrantTypes.AuthorizationCode, sessionId = grantId });
            await unitOfWork.SaveChangesAsync(token);
            found.GrantSessionId = grantId;
            return started.RefreshToken;
        }, ct);
        // A concurrent redemption won: this one is the reuse.
        if (refresh == "") return await RejectReuseAsync(found, context, now, ct);
        return minter.Mint(client, user.Id, found.GrantSessionId!.Value, found.Scope, refresh,
            new IdTokenFacts(found.AuthTime, found.Nonce, found.BrowserSessionId, await claims.ForAsync(user, found.Scope, ct)), audience.Value, grant.ActorId,
            await entitlements.ForAsync(user.Id, found.Scope, ct));
    }

    private async Task<Result<TokenResponse>> RejectReuseAsync(AuthorizationCode code, RequestContext context, DateTime now, CancellationToken ct)
    {
        var consumed = await codes.FindByHashAsync(code.CodeHash, ct);
        logger.LogWarning("Authorization code reuse for client row {ClientRowId}; revoking grant {GrantId}", code.ClientRowId, consumed?.GrantSessionId);
        await unitOfWork.InTransactionAsync(async token =>
        {
            if (consumed?.GrantSessionId is { } grantId) await sessions.RevokeAsync(grantId, now, RevokeReasons.CodeReuse, token);
            activity.Record(ActivityTypes.OAuthCodeReused, code.UserId, context, success: false, new { clientRowId = code.ClientRowId });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        if (consumed?.GrantSessionId is { } revoked) sessionState.Forget(revoked);
        return Invalid("The authorization code was already used; the tokens it produced are revoked");
    }
}
