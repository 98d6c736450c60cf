using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Latchkey.Core.Social;

/// <summary>
/// The back-channel half of the flow: exchanges the authorization code (with the PKCE verifier) and
/// fetches the profile, from the verified ID token, the user-info endpoint and, for GitHub-style
/// providers, the email list. Throws <see cref="UpstreamUnavailableException"/> on any upstream failure.
/// </summary>
public sealed class UpstreamOAuthClient(UpstreamHttp http, UpstreamIdTokenValidator idTokens, AppleClientSecret appleSecret, TimeProvider clock)
{
    public async Task<(UpstreamProfile Profile, UpstreamTokens Tokens)> CompleteAsync(
        SocialProvider provider, string code, string callbackUrl, string codeVerifier, string? nonce, CancellationToken ct)
    {
        var response = await http.SendJsonAsync(TokenRequest(provider, code, callbackUrl, codeVerifier), ct);
        var accessToken = response.Str("access_token") ?? throw new UpstreamUnavailableException("The token response has no access_token.");
        var tokens = new UpstreamTokens(accessToken, response.Str("refresh_token"), response.Str("id_token"), ExpiresAt(response));

        var claims = await VerifiedIdTokenClaimsAsync(provider, tokens.IdToken, nonce, ct);
        var profile = await ProfileAsync(provider, response, claims, accessToken, ct);
        return (profile, tokens);
    }

    private async Task<JsonElement?> VerifiedIdTokenClaimsAsync(SocialProvider provider, string? idToken, string? nonce, CancellationToken ct)
    {
        if (!provider.VerifiesIdTokens) return null;
        if (idToken is null) throw new UpstreamUnavailableException("The OpenID Connect provider returned no id_token.");
        var (claims, failure) = await idTokens.ValidateAsync(provider, idToken, nonce, ct);
        return claims ?? throw new UpstreamUnavailableException($"The provider's id_token was rejected: {failure}.");
    }

    private async Task<UpstreamProfile> ProfileAsync(SocialProvider provider, JsonElement tokenResponse, JsonElement? idClaims, string accessToken, CancellationToken ct)
    {
        var d = provider.Description;
        try
        {
            if (d.ProfileInTokenResponse is { } property && tokenResponse.TryGetProperty(property, out var embedded))
                return d.MapProfile(embedded);

            JsonElement? userInfo = provider.UserInfoEndpoint is null ? null : await http.SendJsonAsync(ApiRequest(provider, provider.UserInfoEndpoint, accessToken), ct);
            var profile = d.MapProfile(Merge(idClaims, userInfo));
            // OIDC Core §5.3.2: user-info about someone else must not be used.
            if (idClaims?.Str("sub") is { } sub && sub != profile.Subject) throw new UpstreamProfileException("user-info subject differs from the id_token's.");

            if (provider.EmailsEndpoint is { } emails && d.MapEmails is not null)
            {
                var (email, verified) = d.MapEmails(await http.SendJsonAsync(ApiRequest(provider, emails, accessToken), ct));
                profile = profile.WithEmail(email, verified);
            }
            return profile;
        }
        catch (UpstreamProfileException ex)
        {
            throw new UpstreamUnavailableException(ex.Message, ex);
        }
    }

    /// <summary>User-info claims first, then the ID token's: the token's signed claims win where both speak.</summary>
    private static JsonElement Merge(JsonElement? idClaims, JsonElement? userInfo)
    {
        if (idClaims is null) return userInfo ?? default;
        if (userInfo is not { ValueKind: JsonValueKind.Object } info) return idClaims.Value;
        var merged = new Dictionary<string, JsonElement>();
        foreach (var p in info.EnumerateObject()) merged[p.Name] = p.Value;
        foreach (var p in idClaims.Value.EnumerateObject()) merged[p.Name] = p.Value;
        return JsonSerializer.SerializeToElement(merged);
    }

    private HttpRequestMessage TokenRequest(SocialProvider provider, string code, string callbackUrl, string codeVerifier)
    {
        var secret = provider.Name == "apple" ? appleSecret.For(provider.Settings) : provider.Settings.ClientSecret;
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = callbackUrl,
            ["code_verifier"] = codeVerifier,
            ["client_id"] = provider.ClientId,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, provider.TokenEndpoint);
        switch (provider.Description.TokenAuth)
        {
            case TokenAuthStyle.Basic:
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(provider.ClientId)}:{Uri.EscapeDataString(secret ?? "")}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                request.Content = new FormUrlEncodedContent(fields);
                break;
            case TokenAuthStyle.JsonBody:
                if (secret is not null) fields["client_secret"] = secret;
                request.Content = JsonContent.Create(fields);
                break;
            default:
                if (secret is not null) fields["client_secret"] = secret;
                request.Content = new FormUrlEncodedContent(fields);
                break;
        }
        return request;
    }

    private static HttpRequestMessage ApiRequest(SocialProvider provider, string url, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.UserAgent.ParseAdd("Latchkey");
        if (provider.Description.ClientIdHeaderOnApiCalls) request.Headers.Add("Client-Id", provider.ClientId);
        return request;
    }

    private DateTime? ExpiresAt(JsonElement response) =>
        response.Str("expires_in") is { } s && int.TryParse(s, out var seconds) && seconds > 0
            ? clock.GetUtcNow().UtcDateTime.AddSeconds(seconds)
            : null;
}
