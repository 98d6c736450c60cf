using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Social;

/// <summary>
/// Verifies an ID token from an upstream provider (OIDC Core §3.1.3.7): signature against the
/// provider's JWKS, issuer, audience, expiry against the injected clock, and the nonce. Returns the
/// claims as JSON, or null with the reason for the log.
/// </summary>
public sealed class UpstreamIdTokenValidator(UpstreamJwks jwks, TimeProvider clock)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<(JsonElement? Claims, string? Failure)> ValidateAsync(SocialProvider provider, string token, string? expectedNonce, CancellationToken ct)
    {
        if (!provider.VerifiesIdTokens) return (null, "the provider has no JWKS and issuer");
        if (token.Length > 16 * 1024 || !_handler.CanReadToken(token)) return (null, "not a JWT");
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return (null, "malformed JWT");
        }
        var keys = await jwks.GetKeysAsync(provider.JwksUri!, unverified.Kid is { Length: > 0 } kid ? kid : null, ct);

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = ExpectedIssuer(provider.Issuer!, unverified),
            ValidAudiences = provider.Audiences,
            // Checked below against the injected clock so tests can move time.
            ValidateLifetime = false,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return (null, result.Exception?.GetType().Name ?? "invalid token");

        var now = clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo == DateTime.MinValue || jwt.ValidTo + ClockSkew <= now) return (null, "expired");
        if (jwt.IssuedAt > now + ClockSkew) return (null, "issued in the future");
        jwt.TryGetPayloadValue<string>("nonce", out var nonce);
        if (!NonceMatches(nonce, expectedNonce)) return (null, "nonce mismatch");

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        return (payload.RootElement.Clone(), null);
    }

    /// <summary>
    /// The nonce in the token must match the one we expect. Apple's and Google's native SDKs put
    /// SHA-256(raw nonce), hex encoded, into the token and give the app the raw value, so either form
    /// matches. A token with a nonce needs one from the caller and the other way round.
    /// </summary>
    public static bool NonceMatches(string? inToken, string? expected)
    {
        if (string.IsNullOrEmpty(inToken) && string.IsNullOrEmpty(expected)) return true;
        if (string.IsNullOrEmpty(inToken) || string.IsNullOrEmpty(expected)) return false;
        var token = Encoding.UTF8.GetBytes(inToken);
        var hashed = Encoding.UTF8.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))));
        return CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(expected))
            | CryptographicOperations.FixedTimeEquals(token, hashed);
    }

    /// <summary>Microsoft's multi-tenant issuer carries the tenant: <c>{tenantid}</c> is the token's own <c>tid</c>.</summary>
    private static string ExpectedIssuer(string issuer, JsonWebToken token) =>
        issuer.Contains("{tenantid}", StringComparison.Ordinal) && token.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out _)
            ? issuer.Replace("{tenantid}", tid, StringComparison.Ordinal)
            : issuer;
}
