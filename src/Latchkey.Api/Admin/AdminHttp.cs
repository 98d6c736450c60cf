using Latchkey.Api.Common;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Admin;

internal static class AdminHttp
{
    /// <summary>The signed-in administrator making this request, as the core records and guards it.</summary>
    public static AdminActor Actor(this HttpContext http)
    {
        var caller = http.Caller();
        return new AdminActor(caller.UserId, caller.Role, http.RequestContext(), caller.GroupRoles);
    }

    public static IResult Error(AuthError error) => AdminErrors.Instance.ToResult(error);

    public static IResult OkOr<T>(Result<T> result, Func<T, object> body) =>
        result.IsSuccess ? Results.Ok(body(result.Value)) : Error(result.Error);
}
