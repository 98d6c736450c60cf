using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// The answer of a console list page: its view with the administrator, the filters as typed and either one page
/// of rows or the refusal (shown by its field, with the refusal's status). Views name these parameters
/// Admin, Query, Found and Error.
/// </summary>
internal static class ListResult
{
    public static IResult Page<TView, T>(HttpContext http, AdminCaller admin, object? query, Result<Page<T>> found) where TView : IComponent =>
        PageResults.Page<TView>(http, new Dictionary<string, object?>
        {
            ["Admin"] = admin,
            ["Query"] = query,
            ["Found"] = found.IsSuccess ? found.Value : null,
            ["Error"] = found.IsSuccess ? null : found.Error,
        }, found.IsSuccess ? StatusCodes.Status200OK : AdminErrorStatus.For(found.Error));
}
