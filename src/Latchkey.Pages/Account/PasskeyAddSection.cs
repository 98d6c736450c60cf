using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// Adding a passkey from <c>/account/passkeys</c>, through <see cref="PasskeyService"/> as <c>POST /api/auth/passkey/register-options</c>
/// and <c>register-verify</c>: the first form asks the core for creation options (it decides on step-up, as for the API)
/// and answers with the ceremony page; that page's script runs <c>navigator.credentials.create</c> and posts the
/// attestation back in a plain form, so both steps carry the console's antiforgery token and end in post/redirect/get.
/// </summary>
internal static class PasskeyAddSection
{
    public static void MapPasskeyAddSection(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountPaths.PasskeyAdd, Begin);
        app.MapPost(AccountPaths.PasskeyCreate, Finish);
    }

    private static async Task<IResult> Begin(AccountConsole console, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Passkeys, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        // The name is checked before a challenge is made, so a bad one is said on the list page with nothing begun.
        var typed = AccountConsole.Text(post.Form!, "name");
        var name = PasskeyNames.Check(typed);
        if (!name.IsSuccess) return await PasskeysSection.RenderAsync(http, visitor, passkeys, null, null, StatusCodes.Status400BadRequest, ct, name.Error, typed);
        var ceremony = await passkeys.RegisterOptionsAsync(visitor.UserId, visitor.SessionId, http, ct);
        if (ceremony.IsSuccess)
            return PageResults.Page<PasskeyAddView>(http, new Dictionary<string, object?>
            {
                [nameof(PasskeyAddView.Name)] = name.Value,
                [nameof(PasskeyAddView.OptionsJson)] = ceremony.Value.Options.ToJsonString(),
                [nameof(PasskeyAddView.ChallengeToken)] = ceremony.Value.ChallengeToken,
            }, script: PageScripts.Passkey);
        if (ceremony.Error.Code == AuthErrorCodes.ElevationRequired) return ElevateSection.Ask(http, visitor, AccountPaths.Passkeys);
        return await PasskeysSection.RenderAsync(http, visitor, passkeys, ceremony.Error.Message, null, AccountConsole.StatusFor(ceremony.Error), ct);
    }

    private static async Task<IResult> Finish(AccountConsole console, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Passkeys, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var response = new PasskeyResponse(AccountConsole.Text(form, "challenge_token"), AccountConsole.Text(form, "credential"));
        var added = await passkeys.RegisterVerifyAsync(visitor.UserId, visitor.SessionId, response, AccountConsole.Text(form, "name"),
            form["sign_out_others"] == "yes", RequestContext.From(http), http, ct);
        // A refused attestation has spent its challenge: the list page says why, and adding starts over from there.
        return added.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.Passkeys, "passkey-added")
            : await PasskeysSection.RenderAsync(http, visitor, passkeys, added.Error.Message, null, AccountConsole.StatusFor(added.Error), ct);
    }
}
