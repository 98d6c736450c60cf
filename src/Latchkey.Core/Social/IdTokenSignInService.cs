using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Social;

/// <summary>
/// Sign-in (and connect) with an ID token a native SDK obtained (Sign in with Apple, Google Sign-In):
/// the token is verified against the provider's JWKS, issuer, audience, expiry and nonce, then treated
/// like a redirect-flow profile. Used by the Platform addition and by Nhost's <c>/signin/idtoken</c>.
/// </summary>
public sealed class IdTokenSignInService(
    SocialFlowService flow,
    UpstreamIdTokenValidator validator,
    SocialAccountService accounts,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    ILogger<IdTokenSignInService> logger)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidIdToken, "The ID token is invalid or expired");

    /// <param name="signUpProfile">Options for the account if this sign-in creates one (already validated by the surface).</param>
    public async Task<Result<SignInOutcome>> SignInAsync(string? providerName, string? idToken, string? nonce, string sessionKind, RequestContext context, CancellationToken ct,
        ProfileRequest? signUpProfile = null)
    {
        var verified = await VerifyAsync(providerName, idToken, nonce, context, ct);
        if (!verified.IsSuccess) return verified.Error;
        return await accounts.SignInAsync(verified.Value.Provider, verified.Value.Profile, null, sessionKind, context, ct, signUpProfile);
    }

    /// <summary>Connects the token's identity to a signed-in user (Nhost <c>/link/idtoken</c>).</summary>
    public async Task<Result<Unit>> ConnectAsync(Guid userId, string? providerName, string? idToken, string? nonce, RequestContext context, CancellationToken ct)
    {
        var verified = await VerifyAsync(providerName, idToken, nonce, context, ct);
        if (!verified.IsSuccess) return verified.Error;
        return await accounts.ConnectAsync(userId, verified.Value.Provider, verified.Value.Profile, null, context, ct);
    }

    private async Task<Result<(SocialProvider Provider, UpstreamProfile Profile)>> VerifyAsync(
        string? providerName, string? idToken, string? nonce, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(idToken)) return AuthError.Field("idToken", "idToken is required");
        var found = await flow.FindProviderAsync(providerName, ct);
        if (!found.IsSuccess) return found.Error;
        var provider = found.Value;
        if (!provider.VerifiesIdTokens) return new AuthError(AuthErrorCodes.UnsupportedProvider, $"{provider.DisplayName} does not issue ID tokens");

        string? failure;
        UpstreamProfile? profile = null;
        try
        {
            (var claims, failure) = await validator.ValidateAsync(provider, idToken, nonce, ct);
            if (claims is { } c) profile = provider.Description.MapProfile(c);
        }
        catch (UpstreamUnavailableException ex)
        {
            logger.LogWarning("ID-token keys of {Provider} could not be fetched: {Reason}", provider.Name, ex.Message);
            return new AuthError(AuthErrorCodes.UpstreamError, $"{provider.DisplayName}'s signing keys could not be fetched; please try again later");
        }
        catch (UpstreamProfileException ex)
        {
            failure = ex.Message;
        }
        if (profile is not null) return (provider, profile);

        activity.Record(ActivityTypes.LoginFailed, null, context, success: false, new { method = "id_token", provider = provider.Name, reason = failure });
        await unitOfWork.SaveChangesAsync(ct);
        return Invalid;
    }
}
