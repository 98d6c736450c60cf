using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>The status a console page answers with when a core service refuses (the same codes the admin API uses for them).</summary>
internal static class AdminErrorStatus
{
    public static int For(AuthError error) => error.Code switch
    {
        AuthErrorCodes.Forbidden or AuthErrorCodes.SessionRequired => StatusCodes.Status403Forbidden,
        AuthErrorCodes.NotFound => StatusCodes.Status404NotFound,
        AuthErrorCodes.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The form field the error names, if any (the page shows the message beside it).</summary>
    public static string? FieldOf(AuthError error) => error.Details?.Keys.FirstOrDefault();
}
