using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

public static class AdminEndpoints
{
    /// <summary>
    /// <c>/api/admin/*</c> (roles, users, sessions, activity, settings, stats, analytics, impersonation, webhooks), in the Platform error shape, under the admin
    /// rate limit. Each endpoint requires one named permission. The OAuth client and key endpoints stay in
    /// the Platform folder with the developer console they share handlers with.
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin")
            .WithSurfaceErrors(AdminErrors.Instance)
            .WithMetadata(BodySizeLimit.Json)
            .RateLimited(RateLimitPolicies.Admin)
            .WithTags("Admin");
        admin.MapAdminRoles();
        admin.MapAdminGroups();
        admin.MapAdminUsers();
        admin.MapAdminSessions();
        admin.MapAdminActivity();
        admin.MapAdminSettings();
        admin.MapAdminStats();
        admin.MapAdminAnalytics();
        admin.MapAdminImpersonation();
        admin.MapAdminWebhooks();
        return admin;
    }
}
