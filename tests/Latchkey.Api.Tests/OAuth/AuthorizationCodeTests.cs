using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>The authorization code grant with PKCE, and the negative cases a conformance suite checks.</summary>
public sealed class AuthorizationCodeTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    [Fact]
    public async Task Code_flow_returns_iss_and_tokens_with_a_valid_id_token()
    {
        var client = await server.CreateClientAsync();
        var (browser, email) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var location = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce));
        Assert.Equal("http://latchkey.test", location.Query()["iss"]);

        var tokens = await (await server.ExchangeAsync(client, location.Query()["code"], pkce)).OkJsonAsync();
        Assert.Equal("Bearer", tokens.Str("token_type"));
        Assert.NotNull(tokens.Str("refresh_token"));
        var id = new JsonWebToken(tokens.Str("id_token"));
        Assert.Equal("RS256", id.Alg);
        Assert.Equal("http://latchkey.test", id.Issuer);
        Assert.Equal(client.ClientId, Assert.Single(id.Audiences));
        Assert.Equal("n-456", id.GetPayloadValue<string>("nonce"));
        Assert.True(id.TryGetPayloadValue<long>("auth_time", out _));
        Assert.True(id.TryGetPayloadValue<string>("at_hash", out _));

        var info = await (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).OkJsonAsync();
        Assert.Equal(id.Subject, info.Str("sub"));
        Assert.Equal(email, info.Str("email"));
        Assert.Equal("Ada Lovelace", info.Str("name"));
    }

    [Fact]
    public async Task A_reused_code_fails_and_revokes_the_tokens_it_produced()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce);
        var first = await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();

        await (await server.ExchangeAsync(client, code, pkce)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");

        var userinfo = await server.CreateClient().GetAsync("/api/oauth/userinfo", first.Str("access_token"));
        Assert.Equal(HttpStatusCode.Unauthorized, userinfo.StatusCode);
        Assert.Contains("invalid_token", userinfo.Headers.WwwAuthenticate.ToString());
        var refresh = await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", first.Str("refresh_token")));
        await refresh.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_shown_on_a_page_and_never_redirected_to()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        foreach (var wrong in new[] { "https://evil.example.com/callback", OAuthFlows.RedirectUri + "/", OAuthFlows.RedirectUri + "?x=1" })
        {
            var location = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New(), redirectUri: wrong));
            Assert.StartsWith("/oauth/error?", location.OriginalString);
        }
        var page = await browser.GetAsync("/oauth/error?error=invalid_request&error_description=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_different_redirect_uri()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce);
        var response = await server.TokenAsync(client, ("grant_type", "authorization_code"), ("code", code),
            ("redirect_uri", "https://app.example.com/other"), ("code_verifier", pkce.Verifier));
        await response.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Missing_or_plain_code_challenges_are_refused_at_the_redirect_uri()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();

        var missing = (await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, null))).Query();
        Assert.Equal("invalid_request", missing["error"]);
        Assert.Equal("st-123", missing["state"]);
        Assert.Equal("http://latchkey.test", missing["iss"]);

        var pkce = Pkce.New();
        var plain = (await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce with { Challenge = pkce.Verifier }, method: "plain"))).Query();
        Assert.Equal("invalid_request", plain["error"]);
        Assert.Contains("S256", plain["error_description"]);
    }

    [Fact]
    public async Task Missing_or_wrong_code_verifiers_are_refused()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce);

        var missing = await server.TokenAsync(client, ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", client.RedirectUri));
        await missing.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
        var wrong = await server.ExchangeAsync(client, code, Pkce.New());
        await wrong.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce);
        server.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await server.ExchangeAsync(client, code, pkce)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task A_wrong_client_secret_is_invalid_client_with_a_basic_challenge()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce);
        var response = await server.ExchangeAsync(client with { Secret = client.Secret + "x" }, code, pkce);
        await response.AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString());
        // The code was not spent by the failed attempt.
        await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();
    }

    [Fact]
    public async Task Prompt_none_without_a_session_is_login_required()
    {
        var client = await server.CreateClientAsync();
        var location = await server.CreateClient().AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New(), extra: "prompt=none"));
        var query = location.Query();
        Assert.StartsWith(client.RedirectUri, location.ToString());
        Assert.Equal("login_required", query["error"]);
        Assert.Equal("st-123", query["state"]);
    }

    [Fact]
    public async Task Without_a_session_the_browser_goes_to_the_sign_in_page_and_back()
    {
        var client = await server.CreateClientAsync();
        var email = await server.CreateClient().RegisterAsync();
        var browser = server.CreateClient();
        var pkce = Pkce.New();
        var login = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce, extra: "prompt=login&login_hint=" + Uri.EscapeDataString(email)));
        Assert.StartsWith("/login?", login.OriginalString);
        var page = await browser.GetAsync(login.OriginalString);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(email, html);
        var fields = OAuthFlows.FormFields(html);

        // Without the antiforgery token the form is refused.
        var forged = await browser.PostFormAsync("/login", [new("email", email), new("password", Accounts.Password), new("return_url", fields["return_url"])]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var signedIn = await browser.PostFormAsync("/login", fields.Append(new("email", email)).Append(new("password", Accounts.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var back = signedIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/oauth/authorize?", back);
        // The request keeps prompt=login; the marker of the sign-in made for it is what satisfies it.
        Assert.Contains("prompt=login", back);
        Assert.Contains("latchkey_signin=", back);
        var code = (await browser.AuthorizeAsync(back)).Query()["code"];
        await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();
    }

    [Fact]
    public async Task Form_post_response_mode_answers_an_auto_submitting_page()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var response = await browser.GetAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New(), extra: "response_mode=form_post"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"action=\"{client.RedirectUri}\"", html);
        var fields = OAuthFlows.FormFields(html);
        Assert.Equal("st-123", fields["state"]);
        Assert.Equal("http://latchkey.test", fields["iss"]);
        Assert.Equal(43, fields["code"].Length);
    }
}
