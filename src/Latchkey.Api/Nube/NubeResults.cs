using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Nube;

/// <summary>The seed's success envelope: <c>{"data": ..., "meta": {"requestId"}}</c>, and its errors through <see cref="NubeErrors"/>.</summary>
internal static class NubeResults
{
    public static IResult Ok<T>(HttpContext http, T data, int status = StatusCodes.Status200OK) =>
        Results.Json(new NubeEnvelope<T>(data, new NubeMeta(http.TraceIdentifier)), statusCode: status);

    public static IResult Created<T>(HttpContext http, T data) => Ok(http, data, StatusCodes.Status201Created);

    /// <summary>A list page: <c>meta</c> carries page, limit, total and totalPages beside the request id.</summary>
    public static IResult Page<T>(HttpContext http, IReadOnlyList<T> items, int page, int limit, int total) =>
        Results.Json(new NubeListEnvelope<T>(items, new NubePageMeta(http.TraceIdentifier, page, limit, total, (total + limit - 1) / limit)));

    public static IResult Error(HttpContext http, AuthError error) => NubeErrors.Instance.ToResult(error, http.TraceIdentifier);

    public static IResult From<T>(HttpContext http, Result<T> result, Func<T, object> map) =>
        result.IsSuccess ? Ok(http, map(result.Value)) : Error(http, result.Error);

    /// <summary>A required field the body left out (or a body that is absent).</summary>
    public static AuthError Missing(string field) => AuthError.Field(field, $"\"{field}\" is required");

    /// <summary>The seed's <c>?page=1&amp;limit=20</c>, with the admin lists' bounds.</summary>
    public static AuthError? Paging(int? page, int? limit, out int p, out int l)
    {
        (p, l) = (page ?? 1, limit ?? PageLimits.DefaultLimit);
        return PageLimits.Validate(p, l);
    }
}

/// <summary>The seed's success body (public for the OpenAPI document).</summary>
public sealed record NubeEnvelope<T>(T Data, NubeMeta Meta);

public sealed record NubeListEnvelope<T>(IReadOnlyList<T> Data, NubePageMeta Meta);

public sealed record NubePageMeta(string RequestId, int Page, int Limit, int Total, int TotalPages);
