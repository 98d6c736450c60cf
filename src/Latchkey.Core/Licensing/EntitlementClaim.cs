using System.Text.Json;
using System.Text.Json.Serialization;
using Latchkey.Core.OAuth;

namespace Latchkey.Core.Licensing;

/// <summary>
/// The <c>entitlements</c> claim of an OAuth access token, present only when the grant holds the <c>entitlements</c>
/// scope: the user's current license (plan, status, end) and its features with their limits, from the same cache as
/// <c>GET /v1/licenses/entitlements</c>, so it costs no read while the cache is warm. Usage is not in it: a token lives
/// for minutes and a counter changes on every request, so an application asks the API for what is left.
/// </summary>
public sealed class EntitlementClaim(EntitlementService entitlements)
{
    public const string Name = "entitlements";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The claim to add to the access token; null when <paramref name="scope"/> lacks <c>entitlements</c>.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, object?>>?> ForAsync(Guid userId, string scope, CancellationToken ct)
    {
        if (!Scopes.Has(scope, Scopes.Entitlements)) return null;
        var current = await entitlements.CurrentForChecksAsync(userId, ct);
        // A user without a license still gets the claim the client asked for: nothing is allowed.
        var value = current.IsSuccess
            ? new EntitlementClaimValue(current.Value.License.Id, current.Value.Plan.Code, current.Value.Status, current.Value.Valid, current.Value.License.EndsAt,
                current.Value.Valid ? current.Value.Entitlements : [])
            : new EntitlementClaimValue(null, null, null, false, null, []);
        return [new(Name, JsonSerializer.SerializeToElement(value, Json))];
    }
}

/// <summary>What the claim holds; an invalid license (expired, suspended) grants no feature.</summary>
public sealed record EntitlementClaimValue(Guid? LicenseId, string? Plan, string? Status, bool Valid, DateTime? EndsAt, IReadOnlyList<Entitlement> Features);
