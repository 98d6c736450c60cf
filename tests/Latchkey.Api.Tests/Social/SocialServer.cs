using System.Net;
using System.Net.Sockets;
using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Social;

/// <summary>
/// A Latchkey server wired to real local upstreams: <c>oidc-provider</c> as "google" (endpoints
/// overridden) and as the generic OIDC provider "corp" (discovery by issuer), the fake GitHub as
/// "github", "gitlab" pointed at a closed port (an upstream that is down), and the fake's JWKS as
/// Apple's and Google's keys for ID-token sign-in.
/// </summary>
public class SocialServer : LatchkeyServer
{
    public const string PublicUrl = "http://latchkey.test";
    public const string OidcClientId = "latchkey-test";
    public const string OidcClientSecret = "latchkey-test-secret";
    public const string AppRedirect = "https://app.example/welcome";
    public const string DefaultRedirect = "https://app.example/";
    public const string AppleWebClientId = FakeGitHub.AppleClientId;
    public const string AppleIosBundleId = "com.latchkey.ios";

    public OidcProviderProcess Oidc { get; private set; } = null!;
    public FakeGitHub GitHub { get; private set; } = null!;

    protected override async ValueTask BeforeStartAsync()
    {
        // One client registration serves both surfaces: the Platform callback and the Nhost one ("google" and "corp" share it).
        Oidc = await OidcProviderProcess.StartAsync(OidcClientId, OidcClientSecret, PublicUrl + "/api/auth/oauth/callback",
            PublicUrl + "/v1/signin/provider/google/callback", PublicUrl + "/v1/signin/provider/corp/callback");
        GitHub = await FakeGitHub.StartAsync();
    }

    protected override async ValueTask AfterStopAsync()
    {
        if (GitHub is not null) await GitHub.DisposeAsync();
        if (Oidc is not null) await Oidc.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        var oidc = Oidc.Issuer.ToString().TrimEnd('/');
        var gh = GitHub.BaseAddress.ToString().TrimEnd('/');
        var down = $"http://127.0.0.1:{ClosedPort()}";
        settings["Latchkey:Social:DefaultRedirectUrl"] = DefaultRedirect;
        settings["Latchkey:Social:AllowedRedirectUrls:0"] = AppRedirect;
        settings["Latchkey:Social:StoreUpstreamTokens"] = "true";
        // Generous: the first calls to a local upstream on a loaded CI machine can be slow (JIT, key generation); "down" is a refused connection, answered at once.
        settings["Latchkey:Social:HttpTimeout"] = "00:00:30";
        AddProvider(settings, "google", OidcClientId, OidcClientSecret, new()
        {
            ["AuthorizationEndpoint"] = oidc + "/auth", ["TokenEndpoint"] = oidc + "/token", ["UserInfoEndpoint"] = oidc + "/me",
            ["JwksUri"] = oidc + "/jwks", ["Issuer"] = oidc,
        });
        AddProvider(settings, "corp", OidcClientId, OidcClientSecret, new() { ["Issuer"] = oidc, ["DisplayName"] = "Corp SSO" });
        AddProvider(settings, "github", FakeGitHub.ClientId, FakeGitHub.ClientSecret, new()
        {
            ["AuthorizationEndpoint"] = gh + "/login/oauth/authorize", ["TokenEndpoint"] = gh + "/login/oauth/access_token", ["UserInfoEndpoint"] = gh + "/user",
        });
        AddProvider(settings, "gitlab", FakeGitHub.ClientId, FakeGitHub.ClientSecret, new()
        {
            ["AuthorizationEndpoint"] = gh + "/login/oauth/authorize", ["TokenEndpoint"] = down + "/oauth/token", ["UserInfoEndpoint"] = down + "/oauth/userinfo",
        });
        AddProvider(settings, "apple", AppleWebClientId, "", new()
        {
            ["AuthorizationEndpoint"] = gh + "/auth/authorize", ["TokenEndpoint"] = gh + "/auth/token", ["JwksUri"] = gh + "/jwks",
            ["AdditionalAudiences:0"] = AppleIosBundleId,
            ["TeamId"] = FakeGitHub.AppleTeamId, ["KeyId"] = FakeGitHub.AppleKeyId, ["PrivateKey"] = GitHub.ApplePrivateKeyPem,
        });
        AddProvider(settings, "spotify", "disabled-client", "secret", new() { ["Enabled"] = "false" });
    }

    internal static void AddProvider(IDictionary<string, string?> settings, string name, string clientId, string secret, Dictionary<string, string> extra)
    {
        var at = $"Latchkey:Social:Providers:{name}:";
        settings[at + "ClientId"] = clientId;
        if (secret.Length > 0) settings[at + "ClientSecret"] = secret;
        foreach (var (key, value) in extra) settings[at + key] = value;
    }

    /// <summary>A loopback port nobody listens on: connections to it are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
