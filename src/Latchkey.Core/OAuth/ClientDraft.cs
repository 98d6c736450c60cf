namespace Latchkey.Core.OAuth;

/// <summary>Client metadata as a developer, an admin or RFC 7591 registration supplies it.</summary>
public sealed record ClientDraft(
    string? Name,
    IReadOnlyList<string>? RedirectUris,
    IReadOnlyList<string>? PostLogoutRedirectUris = null,
    IReadOnlyList<string>? GrantTypes = null,
    string? Scope = null,
    string? TokenEndpointAuthMethod = null,
    string? Jwks = null,
    string? BackchannelLogoutUri = null,
    string? ClientUri = null,
    string? LogoUri = null,
    string? IdTokenSignedResponseAlg = null);

/// <summary>A client just created, with its secret in clear: shown once, then only its hash exists.</summary>
public sealed record CreatedClient(OAuthClient Client, string? ClientSecret);

/// <summary>A partial update (PATCH): the fields sent replace the client's, the others stay.</summary>
public static class ClientDraftPatch
{
    /// <summary>
    /// <paramref name="patch"/> over the client's current metadata. JSON cannot tell an absent field from a null
    /// one here, so an optional URL is cleared with an empty string.
    /// </summary>
    public static ClientDraft Over(this ClientDraft patch, OAuthClient c) => new(
        patch.Name ?? c.Name,
        patch.RedirectUris ?? c.RedirectUris,
        patch.PostLogoutRedirectUris ?? c.PostLogoutRedirectUris,
        patch.GrantTypes ?? c.GrantTypes,
        patch.Scope ?? Scopes.Join(c.Scopes),
        patch.TokenEndpointAuthMethod ?? c.TokenEndpointAuthMethod,
        patch.Jwks ?? c.Jwks,
        Optional(patch.BackchannelLogoutUri, c.BackchannelLogoutUri),
        Optional(patch.ClientUri, c.ClientUri),
        Optional(patch.LogoUri, c.LogoUri),
        patch.IdTokenSignedResponseAlg ?? c.IdTokenSignedResponseAlg);

    private static string? Optional(string? sent, string? current) => sent is null ? current : sent.Length == 0 ? null : sent;
}

/// <summary>A rotated secret in clear (shown once) and until when the previous one still works.</summary>
public sealed record RotatedSecret(OAuthClient Client, string ClientSecret, DateTime? PreviousSecretExpiresAt);
