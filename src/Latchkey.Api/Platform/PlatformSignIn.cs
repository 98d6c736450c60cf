using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Platform;

/// <summary>The Platform answer to any sign-in method: the session cookie and the user, or the 2FA challenge.</summary>
public sealed class PlatformSignIn(IUserStore users, SessionCookie cookie)
{
    public async Task<IResult> RespondAsync(Result<SignInOutcome> result, HttpContext http, CancellationToken ct)
    {
        if (!result.IsSuccess) return PlatformErrors.Instance.ToResult(result.Error);
        if (result.Value.Challenge is { } challenge)
            return Results.Ok(new TwoFactorChallengeResponse(true, true, challenge.UserId, challenge.Methods, challenge.DefaultMethod));

        var session = result.Value.Session!;
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        var user = await users.FindByIdAsync(session.Subject.UserId, ct);
        return Results.Ok(new UserResponse(true, PlatformUser.From(user!)));
    }
}
