using Latchkey.Core.Common;
using Latchkey.Core.Social;
using Latchkey.Pages.Layout;
using Latchkey.Pages.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/connections</c>, through <see cref="ConnectedServicesService"/> as <c>/api/user/connected-services</c>.
/// Unlinking is asked once more before it is done (the first post shows the question, the second with
/// <c>confirm=yes</c> unlinks), and the core's refusal to remove the last way to sign in is shown as its 409.
/// Linking starts the provider's redirect flow for the signed-in person through <see cref="SocialFlowService"/> (as
/// <c>POST /api/user/connected-services/{provider}/connect</c>); the Platform callback links the identity and sends the
/// browser back here with <c>done=linked</c>, or with the core's <c>error</c> code, shown as a fixed text.
/// </summary>
internal static class ConnectionsSection
{
    public static void MapConnectionsSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Connections, Show);
        app.MapPost(AccountPaths.ConnectionUnlink, Unlink);
        app.MapPost(AccountPaths.ConnectionLink, Link);
    }

    private static async Task<IResult> Show(string? done, string? error, AccountConsole console, ConnectedServicesService connected, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Connections, ct);
        if (visitor is null) return away!;
        // A failed link comes back with the core's code (and a description the page never shows: anyone can write one).
        return error is null
            ? await RenderAsync(http, visitor, connected, null, null, AccountNotices.For(done), StatusCodes.Status200OK, ct)
            : await RenderAsync(http, visitor, connected, null, SocialErrorMessages.For(error), null, StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> Link(AccountConsole console, SocialFlowService flow, RedirectAllowList redirects, OAuthStateCookie stateCookie,
        IOptions<LatchkeyOptions> latchkey, ConnectedServicesService connected, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Connections, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var provider = AccountConsole.Text(post.Form!, "provider").Trim().ToLowerInvariant();
        var started = await flow.BeginAsync(provider, redirects.AccountLinkedUrl, PlatformCallback.Url(latchkey.Value), visitor.UserId, ct);
        if (!started.IsSuccess)
            return await RenderAsync(http, visitor, connected, null, started.Error.Message, null, AccountConsole.StatusFor(started.Error), ct);
        stateCookie.Set(http, started.Value.BrowserSecret);
        return AccountConsole.SeeOther(http, started.Value.AuthorizationUrl);
    }

    private static async Task<IResult> Unlink(AccountConsole console, ConnectedServicesService connected, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Connections, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var provider = AccountConsole.Text(post.Form!, "provider");
        if (post.Form!["confirm"] != "yes")
        {
            // The question names the provider as listed; one that is not connected is refused as the unlink would be.
            var services = await connected.ListAsync(visitor.UserId, ct);
            var asked = services.FirstOrDefault(s => s.Connected && string.Equals(s.Provider, provider, StringComparison.OrdinalIgnoreCase));
            return asked is null
                ? await RenderAsync(http, visitor, connected, null, "This provider is not connected", null, StatusCodes.Status404NotFound, ct)
                : Render(http, services, asked, null, null, StatusCodes.Status200OK);
        }
        var unlinked = await connected.DisconnectAsync(visitor.UserId, provider, RequestContext.From(http), ct);
        return unlinked.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.Connections, "connection")
            : await RenderAsync(http, visitor, connected, null, unlinked.Error.Message, null, AccountConsole.StatusFor(unlinked.Error), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, AccountVisitor visitor, ConnectedServicesService connected, ConnectedService? confirming,
        string? error, string? notice, int status, CancellationToken ct) =>
        Render(http, await connected.ListAsync(visitor.UserId, ct), confirming, error, notice, status);

    private static IResult Render(HttpContext http, IReadOnlyList<ConnectedService> services, ConnectedService? confirming, string? error, string? notice,
        int status) =>
        PageResults.Page<ConnectionsView>(http, new Dictionary<string, object?>
        {
            [nameof(ConnectionsView.Services)] = services,
            [nameof(ConnectionsView.Confirming)] = confirming,
            [nameof(ConnectionsView.Error)] = error,
            [nameof(ConnectionsView.Notice)] = notice,
        }, status);
}
