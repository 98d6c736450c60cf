using System.Net;
using System.Text;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>The OpenID Provider defects of issue 23 (max_age=0, refresh scope, introspection auth, profile name).</summary>
public sealed class OidcConformanceTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    /// <summary>Signs in on the hosted page the authorize endpoint sent the browser to; returns where the page sends it back.</summary>
    private static async Task<string> SignInOnPageAsync(HttpClient browser, Uri login, string email)
    {
        Assert.StartsWith("/login?", login.OriginalString);
        var fields = OAuthFlows.FormFields(await (await browser.GetAsync(login.OriginalString)).Content.ReadAsStringAsync());
        fields["email"] = email;
        fields["password"] = Accounts.Password;
        var signedIn = await browser.PostFormAsync("/login", fields);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var back = signedIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/oauth/authorize?", back);
        return back;
    }

    private static JsonElement IdTokenClaims(JsonElement tokens)
    {
        var payload = tokens.Str("id_token").Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.Clone();
    }

    [Fact]
    public async Task Max_age_0_without_a_session_ends_in_a_code_after_one_sign_in()
    {
        var client = await server.CreateClientAsync();
        var email = await server.CreateClient().RegisterAsync();
        var browser = server.CreateClient();
        var pkce = Pkce.New();
        var back = await SignInOnPageAsync(browser, await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce, extra: "max_age=0")), email);
        Assert.Contains("max_age=0", back);

        var landed = await browser.AuthorizeAsync(back);
        Assert.StartsWith(client.RedirectUri, landed.ToString());
        var tokens = await (await server.ExchangeAsync(client, landed.Query()["code"], pkce)).OkJsonAsync();
        var now = server.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.InRange(IdTokenClaims(tokens).GetProperty("auth_time").GetInt64(), now - 5, now);
    }

    [Fact]
    public async Task Max_age_0_with_a_session_asks_for_a_new_sign_in_once_and_then_ends_in_a_code()
    {
        var client = await server.CreateClientAsync();
        var (browser, email) = await server.SignedInBrowserAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        var pkce = Pkce.New();
        var login = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce, extra: "max_age=0"));
        var back = await SignInOnPageAsync(browser, login, email);
        var landed = await browser.AuthorizeAsync(back);
        Assert.StartsWith(client.RedirectUri, landed.ToString());
        await (await server.ExchangeAsync(client, landed.Query()["code"], pkce)).OkJsonAsync();

        // The marker counts only for a sign-in made for it, and only for a short while: replayed later, the
        // same URL asks for a sign-in again; forged, it counts for nothing.
        server.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.StartsWith("/login?", (await browser.AuthorizeAsync(back)).OriginalString);
        Assert.StartsWith("/login?", (await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce, extra: "max_age=0&latchkey_signin=forged"))).OriginalString);
        // With prompt=none it cannot sign in, so it ends in an error at the client.
        var silent = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce, extra: "max_age=0&prompt=none"));
        Assert.Equal("login_required", silent.Query()["error"]);
    }

    [Fact]
    public async Task Another_user_signing_in_for_an_id_token_hint_ends_in_login_required_not_another_round()
    {
        var client = await server.CreateClientAsync();
        var (hinted, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await hinted.CodeAsync(client, pkce);
        var idToken = (await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync()).Str("id_token");

        var (browser, email) = await server.SignedInBrowserAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        var url = OAuthFlows.AuthorizeUrl(client, Pkce.New(), extra: "id_token_hint=" + idToken);
        var silent = await browser.AuthorizeAsync(url + "&prompt=none");
        Assert.Equal("login_required", silent.Query()["error"]);

        // The browser's own user signs in again on the page: the request ends at the client with the error.
        var back = await SignInOnPageAsync(browser, await browser.AuthorizeAsync(url), email);
        var landed = await browser.AuthorizeAsync(back);
        Assert.StartsWith(client.RedirectUri, landed.ToString());
        Assert.Equal("login_required", landed.Query()["error"]);
    }

    [Fact]
    public async Task A_sign_in_marker_of_another_client_does_not_satisfy_max_age()
    {
        var client = await server.CreateClientAsync();
        var other = await server.CreateClientAsync();
        var (browser, email) = await server.SignedInBrowserAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        var back = await SignInOnPageAsync(browser, await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(other, Pkce.New(), extra: "max_age=0")), email);
        var marker = new Uri(new Uri("http://x"), back).Query()["latchkey_signin"];
        var url = OAuthFlows.AuthorizeUrl(client, Pkce.New(), extra: "max_age=0&latchkey_signin=" + Uri.EscapeDataString(marker));
        Assert.StartsWith("/login?", (await browser.AuthorizeAsync(url)).OriginalString);
    }

    [Fact]
    public async Task A_refresh_asking_for_a_wider_scope_is_refused_without_using_up_the_refresh_token()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce, "openid email offline_access"), pkce)).OkJsonAsync();
        var refresh = tokens.Str("refresh_token");

        await (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", refresh), ("scope", "openid email profile offline_access")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_scope");
        // Past the reuse grace window the same token still works: the refused request did not rotate it.
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        var renewed = await (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", refresh), ("scope", "openid email"))).OkJsonAsync();
        Assert.Equal("openid email", renewed.Str("scope"));
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).StatusCode);
    }

    [Fact]
    public async Task Introspection_refuses_public_clients_and_discovery_says_so()
    {
        var service = await server.CreateClientAsync(grantTypes: ["client_credentials"]);
        var token = (await (await server.TokenAsync(service, ("grant_type", "client_credentials"))).OkJsonAsync()).Str("access_token");
        var spa = await server.CreateClientAsync(authMethod: "none");

        var response = await server.PostFormAsync("/api/oauth/introspect", null, ("client_id", spa.ClientId), ("token", token));
        await response.AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        Assert.True((await (await server.PostFormAsync("/api/oauth/introspect", service, ("token", token))).OkJsonAsync()).GetProperty("active").GetBoolean());

        var discovery = await (await server.CreateClient().GetAsync("/.well-known/openid-configuration")).OkJsonAsync();
        string[] Methods(string name) => discovery.GetProperty(name).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Equal(["client_secret_basic", "client_secret_post", "private_key_jwt"], Methods("introspection_endpoint_auth_methods_supported"));
        // Revocation does take public clients (RFC 7009 §2.1), so it keeps advertising none.
        Assert.Contains("none", Methods("revocation_endpoint_auth_methods_supported"));
    }

    [Fact]
    public async Task A_public_client_may_revoke_its_own_tokens_as_discovery_advertises()
    {
        var spa = await server.CreateClientAsync(authMethod: "none");
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(spa, pkce);
        var tokens = await (await server.TokenAsync(spa, ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", spa.RedirectUri),
            ("code_verifier", pkce.Verifier), ("client_id", spa.ClientId))).OkJsonAsync();

        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", null, ("client_id", spa.ClientId), ("token", tokens.Str("access_token")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).StatusCode);
    }

    [Fact]
    public async Task The_profile_scope_leaves_name_out_rather_than_reveal_the_email()
    {
        var client = await server.CreateClientAsync();
        var browser = server.CreateClient();
        var email = Accounts.NewEmail("noname");
        Assert.Equal(HttpStatusCode.Created, (await browser.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).StatusCode);
        await browser.PlatformLoginAsync(email);
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce, "openid profile"), pkce)).OkJsonAsync();

        var info = await (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).OkJsonAsync();
        Assert.False(info.TryGetProperty("name", out _));
        Assert.DoesNotContain(email, info.GetRawText());
        Assert.DoesNotContain(email, IdTokenClaims(tokens).GetRawText());
        Assert.True(info.TryGetProperty("updated_at", out _));
    }
}
