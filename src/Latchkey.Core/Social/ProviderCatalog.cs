using System.Text.Json;

namespace Latchkey.Core.Social;

/// <summary>
/// The built-in providers: endpoints, default scopes and profile mapping. A protocol table, kept in one
/// place so adding a provider is one entry. Email is "verified" only where the provider asserts it per
/// address (GitHub and Bitbucket email lists, OIDC <c>email_verified</c>, Discord <c>verified</c>, X
/// <c>confirmed_email</c>); providers that do not (Facebook, Spotify, Twitch, Microsoft) never link by email.
/// </summary>
public static class ProviderCatalog
{
    public static readonly IReadOnlyDictionary<string, ProviderDescription> BuiltIn = new[]
    {
        new ProviderDescription
        {
            Name = "google", DisplayName = "Google",
            AuthorizationEndpoint = "https://accounts.google.com/o/oauth2/v2/auth",
            TokenEndpoint = "https://oauth2.googleapis.com/token",
            UserInfoEndpoint = "https://openidconnect.googleapis.com/v1/userinfo",
            JwksUri = "https://www.googleapis.com/oauth2/v3/certs",
            Issuer = "https://accounts.google.com",
            Scopes = "openid email profile",
            MapProfile = ProfileJson.StandardClaims,
        },
        new ProviderDescription
        {
            Name = "github", DisplayName = "GitHub",
            AuthorizationEndpoint = "https://github.com/login/oauth/authorize",
            TokenEndpoint = "https://github.com/login/oauth/access_token",
            UserInfoEndpoint = "https://api.github.com/user",
            EmailsBesideUserInfo = true,
            Scopes = "read:user user:email",
            MapProfile = GitHub,
            MapEmails = list => ProfileJson.PrimaryEmail(list, "email", "primary", "verified"),
        },
        new ProviderDescription
        {
            Name = "apple", DisplayName = "Apple",
            AuthorizationEndpoint = "https://appleid.apple.com/auth/authorize",
            TokenEndpoint = "https://appleid.apple.com/auth/token",
            JwksUri = "https://appleid.apple.com/auth/keys",
            Issuer = "https://appleid.apple.com",
            Scopes = "name email",
            FormPostCallback = true,
            MapProfile = ProfileJson.StandardClaims,
        },
        new ProviderDescription
        {
            Name = "microsoft", DisplayName = "Microsoft",
            AuthorizationEndpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            TokenEndpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            UserInfoEndpoint = "https://graph.microsoft.com/oidc/userinfo",
            JwksUri = "https://login.microsoftonline.com/common/discovery/v2.0/keys",
            Issuer = "https://login.microsoftonline.com/{tenantid}/v2.0",
            Scopes = "openid email profile",
            // Entra ID lets tenants set any address without proving it: only the optional xms_edov claim asserts it.
            MapProfile = c => ProfileJson.StandardClaims(c).WithEmail(c.Str("email"), c.Bool("xms_edov")),
        },
        new ProviderDescription
        {
            Name = "discord", DisplayName = "Discord",
            AuthorizationEndpoint = "https://discord.com/oauth2/authorize",
            TokenEndpoint = "https://discord.com/api/oauth2/token",
            UserInfoEndpoint = "https://discord.com/api/users/@me",
            Scopes = "identify email",
            MapProfile = Discord,
        },
        new ProviderDescription
        {
            Name = "gitlab", DisplayName = "GitLab",
            AuthorizationEndpoint = "https://gitlab.com/oauth/authorize",
            TokenEndpoint = "https://gitlab.com/oauth/token",
            UserInfoEndpoint = "https://gitlab.com/oauth/userinfo",
            Scopes = "openid email profile",
            MapProfile = ProfileJson.StandardClaims,
        },
        new ProviderDescription
        {
            Name = "linkedin", DisplayName = "LinkedIn",
            AuthorizationEndpoint = "https://www.linkedin.com/oauth/v2/authorization",
            TokenEndpoint = "https://www.linkedin.com/oauth/v2/accessToken",
            UserInfoEndpoint = "https://api.linkedin.com/v2/userinfo",
            Scopes = "openid profile email",
            MapProfile = ProfileJson.StandardClaims,
        },
        new ProviderDescription
        {
            Name = "facebook", DisplayName = "Facebook",
            AuthorizationEndpoint = "https://www.facebook.com/v19.0/dialog/oauth",
            TokenEndpoint = "https://graph.facebook.com/v19.0/oauth/access_token",
            UserInfoEndpoint = "https://graph.facebook.com/me?fields=id,name,email,first_name,last_name,picture",
            Scopes = "email public_profile",
            MapProfile = p => new(p.Required("id"), p.Str("email"), false, p.Str("first_name"), p.Str("last_name"), p.Str("name"), p.Str("picture", "data", "url")),
        },
        new ProviderDescription
        {
            Name = "twitch", DisplayName = "Twitch",
            AuthorizationEndpoint = "https://id.twitch.tv/oauth2/authorize",
            TokenEndpoint = "https://id.twitch.tv/oauth2/token",
            UserInfoEndpoint = "https://api.twitch.tv/helix/users",
            Scopes = "user:read:email",
            ClientIdHeaderOnApiCalls = true,
            MapProfile = p => new(p.Required("data", "id"), p.Str("data", "email"), false, null, null, p.Str("data", "display_name"), p.Str("data", "profile_image_url")),
        },
        new ProviderDescription
        {
            Name = "spotify", DisplayName = "Spotify",
            AuthorizationEndpoint = "https://accounts.spotify.com/authorize",
            TokenEndpoint = "https://accounts.spotify.com/api/token",
            UserInfoEndpoint = "https://api.spotify.com/v1/me",
            Scopes = "user-read-email",
            // Spotify documents its email as unverified.
            MapProfile = p => new(p.Required("id"), p.Str("email"), false, null, null, p.Str("display_name"), p.Str("images", "url")),
        },
        new ProviderDescription
        {
            Name = "bitbucket", DisplayName = "Bitbucket",
            AuthorizationEndpoint = "https://bitbucket.org/site/oauth2/authorize",
            TokenEndpoint = "https://bitbucket.org/site/oauth2/access_token",
            UserInfoEndpoint = "https://api.bitbucket.org/2.0/user",
            EmailsBesideUserInfo = true,
            Scopes = "account email",
            MapProfile = p => new(p.Required("uuid"), null, false, null, null, p.Str("display_name"), p.Str("links", "avatar", "href")),
            MapEmails = e => ProfileJson.PrimaryEmail(e.ValueKind == JsonValueKind.Object && e.TryGetProperty("values", out var v) ? v : default, "email", "is_primary", "is_confirmed"),
        },
        new ProviderDescription
        {
            Name = "strava", DisplayName = "Strava",
            AuthorizationEndpoint = "https://www.strava.com/oauth/authorize",
            TokenEndpoint = "https://www.strava.com/oauth/token",
            UserInfoEndpoint = "https://www.strava.com/api/v3/athlete",
            Scopes = "read",
            ScopeSeparator = ',',
            // Strava shares no email: it can be connected to an account, not create one.
            MapProfile = p => new(p.Required("id"), null, false, p.Str("firstname"), p.Str("lastname"), null, p.Str("profile")),
        },
        new ProviderDescription
        {
            Name = "workos", DisplayName = "WorkOS",
            AuthorizationEndpoint = "https://api.workos.com/user_management/authorize",
            TokenEndpoint = "https://api.workos.com/user_management/authenticate",
            TokenAuth = TokenAuthStyle.JsonBody,
            ProfileInTokenResponse = "user",
            ExtraAuthorizeParameters = new Dictionary<string, string> { ["provider"] = "authkit" },
            MapProfile = p => new(p.Required("id"), p.Str("email"), p.Bool("email_verified"), p.Str("first_name"), p.Str("last_name"), null, p.Str("profile_picture_url")),
        },
        new ProviderDescription
        {
            Name = "x", DisplayName = "X",
            AuthorizationEndpoint = "https://x.com/i/oauth2/authorize",
            TokenEndpoint = "https://api.x.com/2/oauth2/token",
            UserInfoEndpoint = "https://api.x.com/2/users/me?user.fields=profile_image_url,confirmed_email",
            Scopes = "users.read tweet.read users.email",
            TokenAuth = TokenAuthStyle.Basic,
            MapProfile = p => new(p.Required("data", "id"), p.Str("data", "confirmed_email"), p.Str("data", "confirmed_email") is not null,
                null, null, p.Str("data", "name"), p.Str("data", "profile_image_url")),
        },
    }.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>A provider outside the catalog: OpenID Connect, endpoints from its issuer's discovery document.</summary>
    public static ProviderDescription GenericOidc(string name, string? displayName) => new()
    {
        Name = name,
        DisplayName = displayName ?? name,
        Scopes = "openid email profile",
        MapProfile = ProfileJson.StandardClaims,
    };

    private static UpstreamProfile GitHub(JsonElement p) =>
        new(p.Required("id"), null, false, null, null, p.Str("name") ?? p.Str("login"), p.Str("avatar_url"));

    private static UpstreamProfile Discord(JsonElement p)
    {
        var id = p.Required("id");
        var avatar = p.Str("avatar") is { } hash ? $"https://cdn.discordapp.com/avatars/{id}/{hash}.png" : null;
        return new(id, p.Str("email"), p.Bool("verified"), null, null, p.Str("global_name") ?? p.Str("username"), avatar);
    }
}
