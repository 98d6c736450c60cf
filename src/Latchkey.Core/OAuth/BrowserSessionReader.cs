using Latchkey.Core.Authentication;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The signed-in browser of a request, from the session cookie only: the authorize, consent, device and
/// end-session steps are browser interactions, so bearer tokens and API keys do not count there.
/// </summary>
/// <remarks>While an administrator impersonates, the browser is the impersonated user's (see <see cref="ImpersonatedGrants"/>).</remarks>
public sealed class BrowserSessionReader(CallerAuthenticator authenticator, IOptions<SessionOptions> options, Admin.Impersonation.ImpersonationCookie impersonation)
{
    public async Task<BrowserSession?> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(options.Value.CookieName, out var cookie)) return null;
        var caller = await authenticator.FromCookiesAsync(cookie, impersonation.Read(http.Request), ct);
        return caller is { SessionId: { } sid } ? new BrowserSession(caller.UserId, sid, caller.AuthTime ?? DateTime.UnixEpoch, caller.ActorId) : null;
    }
}
