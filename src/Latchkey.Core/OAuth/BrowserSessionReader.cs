using Latchkey.Core.Authentication;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The signed-in browser of a request, from the session cookie only: the authorize, consent, device and
/// end-session steps are browser interactions, so bearer tokens and API keys do not count there.
/// </summary>
public sealed class BrowserSessionReader(CallerAuthenticator authenticator, IOptions<SessionOptions> options)
{
    public async Task<BrowserSession?> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(options.Value.CookieName, out var cookie)) return null;
        var caller = await authenticator.FromCookieAsync(cookie, ct);
        return caller is { SessionId: { } sid } ? new BrowserSession(caller.UserId, sid, caller.AuthTime ?? DateTime.UnixEpoch) : null;
    }
}
