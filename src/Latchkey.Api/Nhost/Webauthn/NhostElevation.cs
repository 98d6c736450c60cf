using System.Buffers.Text;
using System.Text.Json;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost.Webauthn;

/// <summary>
/// The spec's BearerAuthElevated: per <see cref="NhostOptions.ElevatedClaim"/>, the bearer token must carry
/// <c>x-hasura-auth-elevated</c> with the caller's id (only <c>/elevate/webauthn/verify</c> issues it) and
/// its session must still be within the step-up window, so an elevation ends with
/// <c>Latchkey:StepUp:MaxAge</c> even while the token lives on.
/// </summary>
public sealed class NhostElevation(IPasskeyStore passkeys, StepUp stepUp, HasuraAccessTokenFormat format, IOptions<NhostOptions> options)
{
    public static readonly AuthError Required = new(AuthErrorCodes.ElevationRequired,
        "This operation needs an elevated token: verify a security key at /v1/elevate/webauthn and retry");

    /// <summary>Null when the caller may go on, otherwise the error to answer with.</summary>
    public async Task<AuthError?> RequireAsync(HttpContext http, Caller caller, CancellationToken ct)
    {
        var mode = options.Value.ElevatedClaim;
        if (mode == ElevatedClaimModes.Disabled) return null;
        if (mode == ElevatedClaimModes.Recommended && await passkeys.CountForUserAsync(caller.UserId, ct) == 0) return null;
        return IsElevatedToken(http, caller.UserId) && await stepUp.IsRecentAsync(caller.SessionId, ct) ? null : Required;
    }

    /// <summary>Reads the claim from the bearer token, whose signature and session authentication already checked.</summary>
    private bool IsElevatedToken(HttpContext http, Guid userId)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var parts = header["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1])) return false;
        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty(format.ClaimsNamespace, out var claims)
                && claims.ValueKind == JsonValueKind.Object
                && claims.TryGetProperty(HasuraAccessTokenFormat.ElevatedClaim, out var elevated)
                && elevated.ValueKind == JsonValueKind.String
                && elevated.GetString() == userId.ToString();
        }
        catch (JsonException)
        {
            // A caller authenticated some other way (cookie) with a header that is not one of our tokens.
            return false;
        }
    }
}
