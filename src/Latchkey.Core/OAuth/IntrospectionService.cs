using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Token introspection (RFC 7662). A client learns about its own tokens only; first-party clients (the
/// operator's resource servers) may introspect any. Everything else is just <c>{"active": false}</c> (§2.2).
/// The caller must authenticate (§2.1): a public client's bare client_id proves nothing, so it is refused.
/// </summary>
public sealed class IntrospectionService(OAuthTokenResolver resolver, ResourceIndicators resources, Microsoft.Extensions.Options.IOptions<LatchkeyOptions> latchkey)
{
    public async Task<Result<IReadOnlyList<KeyValuePair<string, object?>>>> IntrospectAsync(OAuthClient caller, string? token, string? hint, CancellationToken ct)
    {
        if (caller.IsPublic) return new AuthError(AuthErrorCodes.InvalidClient, "Introspection requires client authentication; public clients may not introspect");
        var found = await resolver.ResolveAsync(token, hint, ct);
        if (found is null || !found.Active || (found.Client.Id != caller.Id && !caller.FirstParty))
            return Inactive;
        var claims = new List<KeyValuePair<string, object?>>
        {
            new("active", true),
            new("scope", found.Scope),
            new("client_id", found.Client.ClientId),
            new("sub", found.Subject),
            new("token_type", found.Kind == "access_token" ? "Bearer" : "refresh_token"),
            new("exp", new DateTimeOffset(found.ExpiresAt, TimeSpan.Zero).ToUnixTimeSeconds()),
            new("iss", latchkey.Value.PublicUrl),
            // An access token states its audience; a refresh token's grant is for the resource of its scopes (RFC 8707).
            new("aud", found.Audience ?? (await resources.AudienceAsync(found.Scope, null, ct)).Value ?? latchkey.Value.PublicUrl),
        };
        if (found.IssuedAt is { } iat) claims.Add(new("iat", new DateTimeOffset(iat, TimeSpan.Zero).ToUnixTimeSeconds()));
        if (found.TokenId is { } jti) claims.Add(new("jti", jti));
        return claims;
    }

    private static readonly List<KeyValuePair<string, object?>> Inactive = [new("active", false)];
}
