using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/elevate</c>: the console's step-up, through <see cref="ElevationService"/> as <c>POST /api/auth/elevate</c>
/// (password or a second-factor code; failures count toward lockout). The core services decide when step-up is
/// needed; the console only asks for it when they refuse with <c>elevation_required</c>.
/// </summary>
internal static class ElevateSection
{
    /// <summary>Maps the form POST and returns it: a guessable proof, under the host's rate limit.</summary>
    public static IEndpointConventionBuilder MapElevateSection(this IEndpointRouteBuilder app) => app.MapPost(AccountPaths.Elevate, Elevate);

    /// <summary>The "confirm it is you" page, in place of a change the core refused for want of a recent sign-in.</summary>
    public static IResult Ask(HttpContext http, AccountVisitor visitor, string returnTo, string? error = null, int status = StatusCodes.Status403Forbidden) =>
        PageResults.Page<ElevateView>(http, new Dictionary<string, object?>
        {
            [nameof(ElevateView.ReturnTo)] = returnTo,
            [nameof(ElevateView.HasPassword)] = visitor.User.PasswordHash is not null,
            [nameof(ElevateView.HasTwoFactor)] = visitor.User.TwoFactorEnabled,
            [nameof(ElevateView.Error)] = error,
        }, status);

    private static async Task<IResult> Elevate(AccountConsole console, ElevationService elevation, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Root, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        // Only a console section: the form's return path is never an open redirect.
        var returnTo = AccountPaths.IsSection(form["return_to"]) ? form["return_to"].ToString() : AccountPaths.Root;
        var password = AccountConsole.Text(form, "password");
        var code = AccountConsole.Text(form, "code");
        var proof = new ElevationProof(password.Length > 0 ? password : null, code.Length > 0 ? code : null, null, null);
        var elevated = await elevation.ElevateAsync(visitor.UserId, visitor.SessionId, proof, RequestContext.From(http), http, ct);
        return elevated.IsSuccess
            ? AccountConsole.SeeOther(http, returnTo, "elevated")
            : Ask(http, visitor, returnTo, elevated.Error.Message, AccountConsole.StatusFor(elevated.Error));
    }
}
