using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Core.Admin;
using Latchkey.Core.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

/// <summary>
/// <c>/v1/licenses/*</c>: the caller's license, entitlement checks and usage (any credential); validation,
/// activation and deactivation by license key (the key is the credential: the application may run where no
/// user is signed in); usage recording by the application's backend (an API key with <c>licenses:manage</c>).
/// </summary>
public static class NubeLicenseEndpoints
{
    public static void MapNubeLicenses(this RouteGroupBuilder v1)
    {
        var licenses = v1.MapGroup("/licenses").WithTags("Nube: licenses");
        licenses.MapGet("/me", Me).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        licenses.MapGet("/entitlements", Entitlements).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        licenses.MapGet("/usage", Usage).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        licenses.MapPost("/usage", RecordUsage).RequireNubePermission(Permissions.LicensesManage);
        licenses.MapPost("/validate", Validate);
        licenses.MapPost("/activate", Activate);
        licenses.MapPost("/deactivate", Deactivate);
        licenses.MapPost("/token", Token);
    }

    private static async Task<IResult> Me(EntitlementService entitlements, HttpContext http, CancellationToken ct) =>
        NubeResults.From(http, await entitlements.CurrentAsync(http.Caller().UserId, ct), LicenseOut.From);

    /// <summary>All entitlements as a list, or with <c>?feature=</c> the one check as an object.</summary>
    private static async Task<IResult> Entitlements(string? feature, EntitlementService entitlements, HttpContext http, CancellationToken ct)
    {
        var checks = await entitlements.CheckAsync(http.Caller().UserId, feature, ct);
        if (!checks.IsSuccess) return NubeResults.Error(http, checks.Error);
        return feature is null ? NubeResults.Ok(http, checks.Value) : NubeResults.Ok(http, checks.Value[0]);
    }

    private static async Task<IResult> Usage(EntitlementService entitlements, HttpContext http, CancellationToken ct)
    {
        var current = await entitlements.CurrentForChecksAsync(http.Caller().UserId, ct);
        if (!current.IsSuccess) return NubeResults.Error(http, current.Error);
        var checks = await entitlements.ChecksAsync(current.Value, ct);
        return NubeResults.Ok(http, new UsageOut(current.Value.License.Id, [.. checks.Where(c => c.Limit is not null)]));
    }

    private static async Task<IResult> RecordUsage(UsageRequest? body, UsageService usage, HttpContext http, CancellationToken ct)
    {
        if (body?.LicenseId is not { } licenseId) return NubeResults.Error(http, NubeResults.Missing("licenseId"));
        var result = await usage.RecordAsync(licenseId, body.Feature, body.Quantity, body.IdempotencyKey, ct);
        if (!result.IsSuccess) return NubeResults.Error(http, result.Error);
        var output = new UsageRecordedOut(result.Value.Duplicate, result.Value.Usage);
        return result.Value.Duplicate ? NubeResults.Ok(http, output) : NubeResults.Created(http, output);
    }

    private static async Task<IResult> Validate(LicenseKeyRequest? body, LicenseKeyService keys, HttpContext http, CancellationToken ct)
    {
        var result = await keys.ValidateAsync(body?.Key, body?.Fingerprint, ct);
        return NubeResults.From(http, result, v => new ValidationOut(v.License!.Valid, v.License.Status, v.Activated, LicenseOut.From(v.License)));
    }

    private static async Task<IResult> Activate(LicenseKeyRequest? body, LicenseKeyService keys, HttpContext http, CancellationToken ct)
    {
        var result = await keys.ActivateAsync(body?.Key, body?.Fingerprint, http.RequestContext(), ct);
        if (!result.IsSuccess) return NubeResults.Error(http, result.Error);
        var (activation, license, created) = result.Value;
        var output = new ActivationOut(activation.Id, activation.Fingerprint, license.License.Seats, license.License.SeatsUsed + (created ? 1 : 0), activation.CreatedAt);
        return created ? NubeResults.Created(http, output) : NubeResults.Ok(http, output);
    }

    /// <summary>The signed license file (verifiable offline against the server's JWKS).</summary>
    private static async Task<IResult> Token(LicenseKeyRequest? body, LicenseTokenIssuer tokens, HttpContext http, CancellationToken ct)
    {
        var result = await tokens.IssueAsync(body?.Key, ct);
        return NubeResults.From(http, result, t => new LicenseTokenOut(t.Token, LicenseTokenIssuer.TokenType, t.ExpiresAt));
    }

    private static async Task<IResult> Deactivate(LicenseKeyRequest? body, LicenseKeyService keys, HttpContext http, CancellationToken ct)
    {
        var result = await keys.DeactivateAsync(body?.Key, body?.Fingerprint, http.RequestContext(), ct);
        return NubeResults.From(http, result, _ => new Deactivated(true));
    }
}
