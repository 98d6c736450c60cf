using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// The account console (<c>/account</c>): server-rendered pages where a person manages their own account with the
/// browser's session, every change a plain form with an antiforgery token, through the same core services as the
/// Platform API. The host passes <paramref name="guessable"/> for the forms that check a password or a code (the
/// 2FA budget, as the API's step-up and deletion), <paramref name="export"/> for the export limit, and
/// <paramref name="sendMessage"/> and <paramref name="verifyCode"/> for the phone change's SMS and its code (the
/// limits of <c>/api/user/phone/send-code</c> and <c>/api/user/phone/verify</c>).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountConsole(this IEndpointRouteBuilder app,
        Action<IEndpointConventionBuilder> guessable, Action<IEndpointConventionBuilder> export,
        Action<IEndpointConventionBuilder> sendMessage, Action<IEndpointConventionBuilder> verifyCode)
    {
        app.MapProfileSection();
        guessable(app.MapEmailSection());
        var (phoneSend, phoneVerify) = app.MapPhoneSection();
        sendMessage(phoneSend);
        verifyCode(phoneVerify);
        guessable(app.MapPasswordSection());
        foreach (var post in app.MapTwoFactorSection()) guessable(post);
        app.MapPasskeysSection();
        app.MapSessionsSection();
        app.MapConnectionsSection();
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
