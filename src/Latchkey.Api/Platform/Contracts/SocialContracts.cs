using Latchkey.Core.Social;

namespace Latchkey.Api.Platform.Contracts;

public sealed record OAuthInitiateRequest(string? Provider, string? RedirectTo);

/// <summary>Where to send the browser; the state and PKCE verifier stay server-side, bound to the browser by a cookie.</summary>
public sealed record OAuthInitiateResponse(bool Success, string Provider, string Url, DateTime ExpiresAt);

public sealed record IdTokenSignInRequest(string? Provider, string? IdToken, string? Nonce);

public sealed record IdTokenConnectRequest(string? IdToken, string? Nonce);

public sealed record ConnectRequest(string? RedirectTo);

public sealed record ConnectedServicesResponse(bool Success, IReadOnlyList<ConnectedServiceView> Services);

public sealed record ConnectedServiceView(string Provider, string Name, bool Connected, string? Email, DateTime? ConnectedAt, DateTime? LastUsedAt)
{
    public static ConnectedServiceView From(ConnectedService s) => new(s.Provider, s.DisplayName, s.Connected, s.Email, s.ConnectedAt, s.LastSignInAt);
}
