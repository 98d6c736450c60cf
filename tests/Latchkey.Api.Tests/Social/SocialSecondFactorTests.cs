using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Xunit;

namespace Latchkey.Api.Tests.Social;

/// <summary>A social redirect sign-in of an account with a second factor: the challenge token rides in the fragment.</summary>
public sealed class SocialSecondFactorTests(SocialServer server) : IClassFixture<SocialServer>
{
    /// <summary>An account made by a social sign-in, with TOTP enabled from that session.</summary>
    private async Task<(UpstreamUser User, byte[] Key)> SocialAccountWithTotpAsync()
    {
        var user = UpstreamUser.New();
        var owner = server.CreateClient();
        await owner.SignInWithAsync(server, "google", user);
        var (key, _) = await owner.EnableTotpAsync(server);
        server.Clock.Advance(TimeSpan.FromSeconds(30)); // the enrollment used the current time step
        return (user, key);
    }

    [Fact]
    public async Task The_app_gets_the_challenge_token_in_the_fragment_and_no_session()
    {
        var (user, key) = await SocialAccountWithTotpAsync();
        var browser = server.CreateClient();
        var landed = await browser.SignInWithAsync(server, "google", user, SocialServer.AppRedirect);

        Assert.StartsWith(SocialServer.AppRedirect + "?", landed.ToString());
        Assert.Equal("true", landed.Query("twoFactorRequired"));
        Assert.Null(landed.Query("challengeToken"));
        Assert.StartsWith("#challengeToken=", landed.Fragment);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);

        var token = Uri.UnescapeDataString(landed.Fragment["#challengeToken=".Length..]);
        var verified = await browser.SecondStepAsync(token, TwoFactor.Code(server, key));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().SecondStepAsync(token, TwoFactor.Code(server, key, 1))).StatusCode);
    }

    [Fact]
    public async Task The_hosted_sign_in_page_resumes_the_second_factor_and_returns_to_the_authorize_request()
    {
        var (user, key) = await SocialAccountWithTotpAsync();
        var browser = server.CreateClient();
        var page = await (await browser.GetAsync("/login?return_url=%2Fapi%2Foauth%2Fauthorize%3Fclient_id%3Dabc")).Content.ReadAsStringAsync();
        Assert.Contains("data-social-return=\"http://latchkey.test/login?social=1\"", page.Replace("&amp;", "&"));
        Assert.Contains("data-provider=\"google\"", page);

        var url = await browser.InitiateAsync("google", SocialServer.PublicUrl + "/login?social=1");
        browser.SetCookie(server, "upstream_user", user.ToCookie());
        var callback = await browser.FollowToCallbackAsync(server, url);
        var back = (await browser.GetAsync(callback)).Headers.Location!;
        Assert.StartsWith(SocialServer.PublicUrl + "/login?social=1&twoFactorRequired=true", back.OriginalString);
        Assert.StartsWith("#challengeToken=", back.Fragment);
        var token = Uri.UnescapeDataString(back.Fragment["#challengeToken=".Length..]);

        // What the page script does: the resume form, filled from the fragment and sessionStorage.
        var resume = await browser.GetAsync(back.PathAndQuery);
        var resumeHtml = await resume.Content.ReadAsStringAsync();
        Assert.Contains("id=\"resume-second-factor\"", resumeHtml);
        Assert.Contains("script-src 'nonce-", resume.Headers.GetValues("Content-Security-Policy").Single());
        var fields = OAuthFlows.FormFields(resumeHtml);
        fields["challenge"] = token;
        fields["return_url"] = "/api/oauth/authorize?client_id=abc";
        var codeForm = await browser.PostFormAsync("/login/second-factor", fields);
        Assert.Equal(HttpStatusCode.OK, codeForm.StatusCode);
        var step = OAuthFlows.FormFields(await codeForm.Content.ReadAsStringAsync());
        step.Remove("action");

        var done = await browser.PostFormAsync("/login/second-factor",
            step.Append(new("method", "totp")).Append(new("code", TwoFactor.Code(server, key))).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/api/oauth/authorize?client_id=abc", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }
}
