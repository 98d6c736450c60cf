using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.OAuth;

public static class OAuthEndpoints
{
    /// <summary>The OAuth 2.0 / OpenID Connect provider under <c>/api/oauth</c>, in the RFC 6749 error shape.</summary>
    public static RouteGroupBuilder MapOAuthApi(this IEndpointRouteBuilder app)
    {
        var oauth = app.MapGroup("/api/oauth").WithTags("OAuth 2.0 / OIDC").WithSurfaceErrors(OAuthErrors.Instance).WithMetadata(BodySizeLimit.Json)
            .RateLimitSurface(RateLimitSurfaces.OAuth);
        oauth.MapOAuthAuthorize();
        oauth.MapOAuthToken();
        oauth.MapOAuthIntrospection();
        oauth.MapOAuthUserInfo();
        oauth.MapOAuthDevice();
        oauth.MapOAuthEndSession();
        oauth.MapOAuthRegistration();
        oauth.MapOAuthClientInfo();
        return oauth;
    }
}
