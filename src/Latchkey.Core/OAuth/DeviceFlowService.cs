using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The device authorization grant (RFC 8628): the device starts (§3.1-3.2), the user approves or denies on
/// the device page (§3.3), and the device polls the token endpoint (§3.4-3.5) with slow_down enforcement.
/// </summary>
public sealed class DeviceFlowService(
    IDeviceAuthorizationStore devices,
    IOAuthClientStore clients,
    IUserStore users,
    SessionIssuer issuer,
    OAuthTokenMinter minter,
    ScopeClaims claims,
    Licensing.EntitlementClaim entitlements,
    ImpersonatedGrants impersonated,
    ResourceIndicators resources,
    AuthorizationService authorizations,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<OAuthOptions> options,
    TimeProvider clock)
{
    public async Task<Result<DeviceStart>> StartAsync(OAuthClient client, string? scope, string? resource, CancellationToken ct)
    {
        if (!client.Allows(GrantTypes.DeviceCode)) return new AuthError(AuthErrorCodes.UnauthorizedClient, "This client may not use the device grant");
        var requested = Scopes.Parse(scope);
        if (requested is null || requested.Any(s => !client.Scopes.Contains(s))) return new AuthError(AuthErrorCodes.InvalidScope, "scope is not allowed for this client");
        var target = await resources.ResolveAsync(client, requested, resource, ct);
        if (!target.IsSuccess) return target.Error;
        var scopes = target.Value.Scopes;
        var now = clock.GetUtcNow().UtcDateTime;
        var deviceCode = RandomSecrets.Base64Url();
        var userCode = UserCodes.New();
        var settings = options.Value;
        devices.Add(new DeviceAuthorization
        {
            Id = Ids.New(), DeviceCodeHash = SecretHash.Sha256(deviceCode), UserCodeHash = SecretHash.Sha256(UserCodes.Normalize(userCode)!),
            ClientRowId = client.Id, Scope = Scopes.Join(scopes), Status = DeviceStatuses.Pending, CreatedAt = now,
            ExpiresAt = now + settings.DeviceCodeLifetime, Interval = settings.DevicePollIntervalSeconds,
        });
        await unitOfWork.SaveChangesAsync(ct);
        return new DeviceStart(deviceCode, userCode, (int)settings.DeviceCodeLifetime.TotalSeconds, settings.DevicePollIntervalSeconds);
    }

    /// <summary>The pending request behind a user code, with its client, for the approval page.</summary>
    public async Task<(DeviceAuthorization Request, OAuthClient Client)?> FindPendingAsync(string? userCode, CancellationToken ct)
    {
        var normalized = UserCodes.Normalize(userCode);
        if (normalized is null) return null;
        var found = await devices.FindByUserCodeAsync(SecretHash.Sha256(normalized), ct);
        if (found is null || found.Status != DeviceStatuses.Pending || found.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return null;
        var client = (await clients.FindByIdsAsync([found.ClientRowId], ct)).FirstOrDefault();
        return client is { Active: true } ? (found, client) : null;
    }

    public async Task<Result<OAuthClient>> DecideAsync(string? userCode, BrowserSession browser, bool approve, RequestContext context, CancellationToken ct)
    {
        var pending = await FindPendingAsync(userCode, ct);
        if (pending is null) return new AuthError(AuthErrorCodes.InvalidGrant, "This code is not valid or has expired");
        var (request, client) = pending.Value;
        request.Status = approve ? DeviceStatuses.Approved : DeviceStatuses.Denied;
        request.UserId = browser.UserId;
        request.BrowserSessionId = browser.SessionId;
        request.AuthTime = browser.AuthTime;
        if (approve)
        {
            await authorizations.RememberConsentAsync(browser.UserId, client.Id, Scopes.Parse(request.Scope)!, context, ct);
            activity.Record(ActivityTypes.OAuthDeviceApproved, browser.UserId, context, details: new { clientId = client.ClientId });
        }
        await unitOfWork.SaveChangesAsync(ct);
        return client;
    }

    public async Task<Result<TokenResponse>> PollAsync(OAuthClient client, string? deviceCode, string? resource, RequestContext context, CancellationToken ct)
    {
        if (!client.Allows(GrantTypes.DeviceCode)) return new AuthError(AuthErrorCodes.UnauthorizedClient, "This client may not use the device grant");
        if (deviceCode is not { Length: 43 }) return new AuthError(AuthErrorCodes.InvalidGrant, "Invalid device_code");
        var found = await devices.FindByDeviceCodeAsync(SecretHash.Sha256(deviceCode), ct);
        if (found is null || found.ClientRowId != client.Id) return new AuthError(AuthErrorCodes.InvalidGrant, "Invalid device_code");
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.ExpiresAt <= now) return new AuthError(AuthErrorCodes.ExpiredToken, "The device code has expired");
        switch (found.Status)
        {
            case DeviceStatuses.Denied: return new AuthError(AuthErrorCodes.AccessDenied, "The user denied the request");
            case DeviceStatuses.Consumed: return new AuthError(AuthErrorCodes.InvalidGrant, "The device code was already used");
            case DeviceStatuses.Pending: return await PendingAsync(found, now, ct);
        }
        var audience = await resources.AudienceAsync(found.Scope, resource, ct);
        if (!audience.IsSuccess) return audience.Error;
        return await IssueAsync(client, found, audience.Value, context, ct);
    }

    /// <summary>§3.5: polling faster than the interval earns slow_down and an interval 5 seconds longer.</summary>
    private async Task<Result<TokenResponse>> PendingAsync(DeviceAuthorization found, DateTime now, CancellationToken ct)
    {
        var tooFast = found.LastPolledAt is { } last && now - last < TimeSpan.FromSeconds(found.Interval);
        if (tooFast) found.Interval += 5;
        found.LastPolledAt = now;
        await unitOfWork.SaveChangesAsync(ct);
        return tooFast
            ? new AuthError(AuthErrorCodes.SlowDown, $"Polling too fast; wait {found.Interval} seconds between requests")
            : new AuthError(AuthErrorCodes.AuthorizationPending, "The user has not approved the request yet");
    }

    private async Task<Result<TokenResponse>> IssueAsync(OAuthClient client, DeviceAuthorization found, string? audience, RequestContext context, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(found.UserId!.Value, ct);
        if (user is null || user.Disabled) return new AuthError(AuthErrorCodes.InvalidGrant, "The user is no longer active");
        var grant = await impersonated.ResolveAsync(new OAuthGrantInfo(client.Id, found.Scope, found.BrowserSessionId, found.AuthTime), ct);
        var withRefresh = OAuthTokenMinter.GetsRefreshToken(client, found.Scope) && grant.ActorId is null;
        var result = await unitOfWork.InTransactionAsync<(Guid, string?)?>(async token =>
        {
            if (!await devices.TryConsumeAsync(found.Id, token)) return null;
            var started = issuer.StartGrant(user.Id, grant, withRefresh, context);
            activity.Record(ActivityTypes.OAuthTokenIssued, user.Id, context, details: new { clientId = client.ClientId, grant = GrantTypes.DeviceCode, sessionId = started.SessionId });
            await unitOfWork.SaveChangesAsync(token);
            return started;
        }, ct);
        if (result is not { } s) return new AuthError(AuthErrorCodes.InvalidGrant, "The device code was already used");
        var facts = new IdTokenFacts(found.AuthTime ?? DateTime.UnixEpoch, null, found.BrowserSessionId, await claims.ForAsync(user, found.Scope, ct));
        return minter.Mint(client, user.Id, s.Item1, found.Scope, s.Item2, facts, audience, grant.ActorId,
            await entitlements.ForAsync(user.Id, found.Scope, ct));
    }
}

public sealed record DeviceStart(string DeviceCode, string UserCode, int ExpiresIn, int Interval);
