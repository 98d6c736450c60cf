using Latchkey.Core.Authentication;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// What the console shows while its administrator acts as a user: the banner naming the user and the one way
/// back. Nothing else of the console opens meanwhile, since every request is the user's.
/// </summary>
internal static class ImpersonatingPage
{
    public static IResult Render(HttpContext http, Caller caller) =>
        PageResults.Page<ImpersonatingView>(http, new Dictionary<string, object?> { [nameof(ImpersonatingView.Email)] = caller.Email });
}
