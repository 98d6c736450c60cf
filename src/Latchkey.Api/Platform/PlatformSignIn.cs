using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Platform;

/// <summary>The Platform answer to any sign-in method: the session cookie and the user, or the 2FA challenge.</summary>
public sealed class PlatformSignIn(IUserStore users, SessionCookie cookie, IOptions<LatchkeyOptions> latchkey)
{
    public async Task<IResult> RespondAsync(Result<SignInOutcome> result, HttpContext http, CancellationToken ct)
    {
        if (!result.IsSuccess) return PlatformErrors.Instance.ToResult(result.Error);
        if (result.Value.Challenge is { } challenge)
        {
            TwoFactorChallengeCookie.Set(http, challenge, latchkey.Value);
            return Results.Ok(TwoFactorChallengeResponse.From(challenge));
        }
        return await SessionStartedAsync(result.Value.Session!, http, ct);
    }

    /// <summary>A session has started (after a second factor, a passkey...): set the cookie, answer with the user.</summary>
    public async Task<IResult> SessionStartedAsync(IssuedSession session, HttpContext http, CancellationToken ct)
    {
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        TwoFactorChallengeCookie.Clear(http, latchkey.Value);
        var user = await users.FindByIdAsync(session.Subject.UserId, ct);
        return Results.Ok(new UserResponse(true, PlatformUser.From(user!)));
    }
}
