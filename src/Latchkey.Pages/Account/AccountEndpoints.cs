using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// The account console (<c>/account</c>): server-rendered pages where a person manages their own account with the
/// browser's session, every change a plain form with an antiforgery token, through the same core services as the
/// Platform API. The host passes <paramref name="guessable"/> for the forms that check a password or a code (the
/// 2FA budget, as the API's step-up and deletion) and <paramref name="export"/> for the export limit.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountConsole(this IEndpointRouteBuilder app,
        Action<IEndpointConventionBuilder> guessable, Action<IEndpointConventionBuilder> export)
    {
        app.MapProfileSection();
        guessable(app.MapEmailSection());
        guessable(app.MapPasswordSection());
        foreach (var post in app.MapTwoFactorSection()) guessable(post);
        app.MapSessionsSection();
        app.MapAppsSection();
        app.MapApiKeysSection();
        app.MapActivitySection();
        var (exportPost, deletePost) = app.MapDataSection();
        export(exportPost);
        guessable(deletePost);
        guessable(app.MapElevateSection());
        return app;
    }
}
