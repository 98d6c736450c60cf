using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Flows;

/// <summary>The hosted pages of every emailed flow; returns their form POSTs for the host's rate limit.</summary>
internal static class EmailFlowsEndpoints
{
    public static IEnumerable<IEndpointConventionBuilder> MapEmailFlows(this IEndpointRouteBuilder app)
    {
        yield return app.MapSignUpPage();
        foreach (var post in app.MapVerifyEmailPage()) yield return post;
        foreach (var post in app.MapPasswordResetPages()) yield return post;
        foreach (var post in app.MapEmailSignInPages()) yield return post;
        yield return app.MapEmailChangePage();
    }
}
