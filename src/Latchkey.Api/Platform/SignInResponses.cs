using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Platform;

/// <summary>The Platform answer to any successful sign-in step: the 2FA challenge, or the session cookie and the user.</summary>
internal static class SignInResponses
{
    public static async Task<IResult> FromOutcomeAsync(SignInOutcome outcome, IUserStore users, PlatformSessionCookie cookie, HttpContext http, CancellationToken ct)
    {
        if (outcome.Challenge is { } challenge)
            return Results.Ok(new TwoFactorChallengeResponse(true, true, challenge.UserId, challenge.Methods, challenge.DefaultMethod));

        var session = outcome.Session!;
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        var user = await users.FindByIdAsync(session.Subject.UserId, ct);
        return Results.Ok(new UserResponse(true, PlatformUser.From(user!)));
    }
}
