using System.Text.Json;
using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/pat</c>: personal access tokens are the core's API keys with an expiry. The secret is an
/// <c>sk_live_</c> key of ~238 bits stored as SHA-256, not the spec's UUID (122 random bits, and Nhost stores it in clear).
/// </summary>
public static class PersonalAccessTokenEndpoints
{
    public const string DefaultName = "Personal access token";

    public static void MapNhostPersonalAccessTokens(this RouteGroupBuilder v1)
    {
        v1.MapPost("/pat", Create).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> Create(
        CreatePatRequest body, ApiKeyService keys, Webauthn.NhostElevation elevation, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (body.ExpiresAt is not { } expiresAt) return errors.ToResult(NhostEndpoints.Missing("expiresAt"));
        if (body.Metadata is { ValueKind: not JsonValueKind.Object })
            return errors.ToResult(AuthError.Field("metadata", "metadata must be a JSON object"));
        if (await elevation.RequireAsync(http, http.Caller(), ct) is { } notElevated) return errors.ToResult(notElevated);

        // A "name" in the metadata names the key in the account's key list, as the spec's example suggests.
        var name = body.Metadata is { } m && m.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : DefaultName;
        var result = await keys.CreateAsync(http.Caller().UserId, http.Caller().SessionId, name, expiresAt.UtcDateTime, body.Metadata?.GetRawText(), null, http.RequestContext(), ct);
        return result.IsSuccess
            ? NhostEndpoints.Ok(new CreatePatResponse(result.Value.Key.Id.ToString(), result.Value.Secret))
            : errors.ToResult(result.Error);
    }
}
