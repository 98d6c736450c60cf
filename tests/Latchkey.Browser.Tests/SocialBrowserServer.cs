using Latchkey.Api.Tests.Social;

namespace Latchkey.Browser.Tests;

/// <summary>
/// The browser server with social sign-in against the local <c>oidc-provider</c> upstream, registered twice:
/// "google" (endpoints given) and "corp" (found by OpenID discovery), so the sign-in page shows two social buttons.
/// </summary>
public sealed class SocialBrowserServer : BrowserServer
{
    private const string ClientId = "latchkey-browser";
    private const string ClientSecret = "latchkey-browser-secret";
    public static readonly string[] Providers = ["google", "corp"];

    public OidcProviderProcess Oidc { get; private set; } = null!;

    protected override async ValueTask BeforeStartAsync() =>
        Oidc = await OidcProviderProcess.StartAsync(ClientId, ClientSecret, Origin + "/api/auth/oauth/callback");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        var oidc = Oidc.Issuer.ToString().TrimEnd('/');
        settings["Latchkey:Social:HttpTimeout"] = "00:00:30";
        foreach (var name in Providers)
        {
            settings[$"Latchkey:Social:Providers:{name}:ClientId"] = ClientId;
            settings[$"Latchkey:Social:Providers:{name}:ClientSecret"] = ClientSecret;
            settings[$"Latchkey:Social:Providers:{name}:Issuer"] = oidc;
        }
        settings["Latchkey:Social:Providers:google:AuthorizationEndpoint"] = oidc + "/auth";
        settings["Latchkey:Social:Providers:google:TokenEndpoint"] = oidc + "/token";
        settings["Latchkey:Social:Providers:google:UserInfoEndpoint"] = oidc + "/me";
        settings["Latchkey:Social:Providers:google:JwksUri"] = oidc + "/jwks";
    }

    protected override async ValueTask AfterStopAsync()
    {
        if (Oidc is not null) await Oidc.DisposeAsync();
    }
}
