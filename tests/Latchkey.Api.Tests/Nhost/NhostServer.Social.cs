using Latchkey.Api.Tests.Social;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>
/// The Nhost server's upstream: the in-process fake GitHub, as "github" (redirect flow) and "apple"
/// (form_post callback, and the JWKS that ID tokens for /signin/idtoken are checked against).
/// </summary>
public partial class NhostServer
{
    public FakeGitHub GitHub { get; private set; } = null!;

    protected override async ValueTask BeforeStartAsync() => GitHub = await FakeGitHub.StartAsync();

    protected override async ValueTask AfterStopAsync()
    {
        if (GitHub is not null) await GitHub.DisposeAsync();
    }

    private void ConfigureSocial(IDictionary<string, string?> settings)
    {
        var gh = GitHub.BaseAddress.ToString().TrimEnd('/');
        // The provider redirect sends a refresh token to redirectTo: only exact, allow-listed URLs (Latchkey:Social).
        settings["Latchkey:Social:AllowedRedirectUrls:0"] = AllowedRedirect;
        SocialServer.AddProvider(settings, "github", FakeGitHub.ClientId, FakeGitHub.ClientSecret, new()
        {
            ["AuthorizationEndpoint"] = gh + "/login/oauth/authorize", ["TokenEndpoint"] = gh + "/login/oauth/access_token", ["UserInfoEndpoint"] = gh + "/user",
        });
        SocialServer.AddProvider(settings, "apple", FakeGitHub.AppleClientId, "", new()
        {
            ["AuthorizationEndpoint"] = gh + "/auth/authorize", ["TokenEndpoint"] = gh + "/auth/token", ["JwksUri"] = gh + "/jwks",
            ["TeamId"] = FakeGitHub.AppleTeamId, ["KeyId"] = FakeGitHub.AppleKeyId, ["PrivateKey"] = GitHub.ApplePrivateKeyPem,
        });
    }
}
