using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Nube;

/// <summary>Set-up steps of the licensing tests, through the API as an application would take them.</summary>
public static class NubeLicensing
{
    /// <summary>A client calling server-to-server with an API key of the bootstrap administrator.</summary>
    public static async Task<HttpClient> AdminKeyClientAsync(this NubeServer server)
    {
        var root = await server.RootAsync();
        var created = await (await root.PostJsonAsync("/api/v1/auth/keys", new { name = "backend" })).JsonAsync();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", created.Str("apiKey"));
        return client;
    }

    public static string NewPlanCode() => "plan-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<string> PlanAsync(this HttpClient admin, int seats = 3, int? trialDays = null, int? durationDays = null, long apiCalls = 1000)
    {
        var code = NewPlanCode();
        var entitlements = new object[] { new { feature = "export" }, new { feature = "api_calls", limit = apiCalls, period = "month" } };
        await (await admin.PostJsonAsync("/v1/admin/plans", new { code, name = "Pro", entitlements, seats, trialDays, durationDays })).NubeDataAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>A new user (bearer token), a license of <paramref name="plan"/> for them, and its key.</summary>
    public static async Task<(string Access, Guid UserId, string Key, JsonElement License)> LicensedUserAsync(this NubeServer server, HttpClient admin, string plan, int? seats = null)
    {
        var client = server.CreateClient();
        var (access, _, _) = await client.NubeUserAsync();
        var userId = (await (await client.GetAsync("/v1/users/me", access)).NubeDataAsync()).GetProperty("id").GetGuid();
        var issued = await (await admin.PostJsonAsync("/v1/admin/licenses", new { userId, plan, seats })).NubeDataAsync(HttpStatusCode.Created);
        return (access, userId, issued.Str("key"), issued.GetProperty("license"));
    }
}
