using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using System.Text.Json;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>A started flow: where to send the browser, and the secret its binding cookie must carry back.</summary>
public sealed record StartedFlow(string AuthorizationUrl, string BrowserSecret, DateTime ExpiresAt);

/// <summary>
/// How a callback ended. <see cref="RedirectUrl"/> is always an allowed target (the state's, or the
/// default when the state is unknown: <see cref="StateFound"/> false); <see cref="Result"/> holds the
/// session, a second-factor challenge, or null for a finished "connect".
/// </summary>
public sealed record FinishedFlow(string RedirectUrl, string Purpose, Result<SignInOutcome?> Result, bool StateFound = true);

/// <summary>What came back to the callback: the query (or Apple's form post) and the binding cookie.</summary>
public sealed record CallbackParameters(string? State, string? Code, string? Error, string? ErrorDescription, string? BrowserSecret, string? AppleUser);

/// <summary>
/// The browser redirect flow (RFC 6749 §4.1 with PKCE, RFC 9700 §2.1): <see cref="BeginAsync"/> makes a
/// single-use state bound to the browser, <see cref="CompleteAsync"/> checks it, exchanges the code and
/// signs the user in or connects the identity. Surfaces only carry parameters and cookies.
/// </summary>
public sealed class SocialFlowService(
    SocialProviderRegistry providers,
    RedirectAllowList redirects,
    ISocialStateStore states,
    UpstreamOAuthClient upstream,
    SocialAccountService accounts,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IDataProtectionProvider protection,
    IOptions<SocialOptions> options,
    TimeProvider clock,
    ILogger<SocialFlowService> logger)
{
    private readonly IDataProtector _verifiers = protection.CreateProtector("Latchkey.Social.CodeVerifier.v1");

    /// <param name="signUpProfile">Options for an account the callback creates (already validated by the surface).</param>
    public async Task<Result<StartedFlow>> BeginAsync(string? providerName, string? redirectUrl, string callbackUrl, Guid? connectUserId, CancellationToken ct,
        ProfileRequest? signUpProfile = null)
    {
        var found = await FindProviderAsync(providerName, ct);
        if (!found.IsSuccess) return found.Error;
        var provider = found.Value;
        if (redirects.Resolve(redirectUrl) is not { } target)
            return new AuthError(AuthErrorCodes.RedirectNotAllowed, "redirectTo is not an allowed redirect URL");

        var now = clock.GetUtcNow().UtcDateTime;
        var (state, browserSecret, verifier) = (RandomSecrets.Base64Url(), RandomSecrets.Base64Url(), RandomSecrets.Base64Url());
        var nonce = provider.VerifiesIdTokens ? RandomSecrets.Base64Url() : null;
        var expiresAt = now + options.Value.StateLifetime;
        await states.DeleteExpiredAsync(now, ct);
        states.Add(new SocialState
        {
            Id = Ids.New(),
            StateHash = SecretHash.Sha256(state),
            BrowserBindingHash = SecretHash.Sha256(browserSecret),
            Provider = provider.Name,
            Purpose = connectUserId is null ? SocialPurposes.SignIn : SocialPurposes.Connect,
            UserId = connectUserId,
            RedirectUrl = target,
            CallbackUrl = callbackUrl,
            ProtectedCodeVerifier = _verifiers.Protect(verifier),
            Nonce = nonce,
            SignUpProfile = signUpProfile is null ? null : JsonSerializer.Serialize(signUpProfile),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        await unitOfWork.SaveChangesAsync(ct);
        return new StartedFlow(AuthorizationRequest.Url(provider, callbackUrl, state, verifier, nonce), browserSecret, expiresAt);
    }

    public async Task<FinishedFlow> CompleteAsync(CallbackParameters callback, string sessionKind, RequestContext context, CancellationToken ct)
    {
        var finished = await CompleteCoreAsync(callback, sessionKind, context, ct);
        // Saves the login.failed rows the failure paths queued (a no-op when the account step saved its own).
        if (!finished.Result.IsSuccess) await unitOfWork.SaveChangesAsync(ct);
        return finished;
    }

    private async Task<FinishedFlow> CompleteCoreAsync(CallbackParameters callback, string sessionKind, RequestContext context, CancellationToken ct)
    {
        var saved = string.IsNullOrEmpty(callback.State) || callback.State.Length > 128
            ? null
            : await states.TakeAsync(SecretHash.Sha256(callback.State), clock.GetUtcNow().UtcDateTime, ct);
        if (saved is null)
            return Failed(null, context, AuthErrorCodes.InvalidState, "The sign-in link is invalid, expired or already used; please start again");
        // The state must come back to the browser that started the flow (RFC 9700 §4.7.1: no login CSRF).
        if (callback.BrowserSecret is null || !SecretHash.FixedTimeEquals(SecretHash.Sha256(callback.BrowserSecret), saved.BrowserBindingHash))
            return Failed(saved, context, AuthErrorCodes.InvalidState, "This sign-in was started in another browser; please start again");
        if (callback.Error is not null)
            return callback.Error == "access_denied"
                ? Failed(saved, context, AuthErrorCodes.AccessDenied, "The sign-in was cancelled at the provider")
                : Failed(saved, context, AuthErrorCodes.UpstreamError, "The provider reported an error; please try again");
        if (string.IsNullOrEmpty(callback.Code) || callback.Code.Length > 4096)
            return Failed(saved, context, AuthErrorCodes.UpstreamError, "The provider returned no authorization code");

        var found = await FindProviderAsync(saved.Provider, ct);
        if (!found.IsSuccess) return new FinishedFlow(saved.RedirectUrl, saved.Purpose, found.Error);
        var provider = found.Value;
        UpstreamProfile profile;
        UpstreamTokens tokens;
        try
        {
            (profile, tokens) = await upstream.CompleteAsync(provider, callback.Code, saved.CallbackUrl, _verifiers.Unprotect(saved.ProtectedCodeVerifier), saved.Nonce, ct);
        }
        catch (UpstreamUnavailableException ex)
        {
            logger.LogWarning("Social sign-in with {Provider} failed upstream: {Reason}", provider.Name, ex.Message);
            return Failed(saved, context, AuthErrorCodes.UpstreamError, $"{provider.DisplayName} could not be reached or gave an unusable answer; please try again later");
        }
        profile = AppleFirstSignIn.WithName(profile, callback.AppleUser);

        if (saved.Purpose == SocialPurposes.Connect)
        {
            var connected = await accounts.ConnectAsync(saved.UserId!.Value, provider, profile, tokens, context, ct);
            return new FinishedFlow(saved.RedirectUrl, saved.Purpose, connected.IsSuccess ? Result<SignInOutcome?>.Ok(null) : connected.Error);
        }
        var signUpProfile = saved.SignUpProfile is null ? null : JsonSerializer.Deserialize<ProfileRequest>(saved.SignUpProfile);
        var signedIn = await accounts.SignInAsync(provider, profile, tokens, sessionKind, context, ct, signUpProfile);
        return new FinishedFlow(saved.RedirectUrl, saved.Purpose, signedIn.IsSuccess ? signedIn.Value : signedIn.Error);
    }

    public async Task<Result<SocialProvider>> FindProviderAsync(string? name, CancellationToken ct)
    {
        try
        {
            return await providers.FindAsync(name, ct) is { } provider
                ? provider
                : new AuthError(AuthErrorCodes.UnsupportedProvider, "This sign-in provider is not enabled");
        }
        catch (UpstreamUnavailableException ex)
        {
            logger.LogWarning("Discovery for social provider {Provider} failed: {Reason}", name, ex.Message);
            return new AuthError(AuthErrorCodes.UpstreamError, "The sign-in provider could not be reached; please try again later");
        }
    }

    /// <summary>A failed callback: an activity row (forged or replayed states are security events) and the error redirect.</summary>
    private FinishedFlow Failed(SocialState? state, RequestContext context, string code, string message)
    {
        activity.Record(ActivityTypes.LoginFailed, state?.UserId, context, success: false,
            new { method = AuthMethods.Social, provider = state?.Provider, purpose = state?.Purpose, reason = code });
        return new FinishedFlow(state?.RedirectUrl ?? redirects.Default, state?.Purpose ?? SocialPurposes.SignIn, new AuthError(code, message), state is not null);
    }
}
