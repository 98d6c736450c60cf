using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Social;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Latchkey.Api.Tests.Nube;

/// <summary>
/// A server for the Nube surface: a bootstrap administrator (for <c>/v1/admin</c>), the fake GitHub as the
/// social provider "github" (for <c>/v1/auth/login</c> and <c>/callback</c>), and the app page it returns to.
/// </summary>
public class NubeServer : LatchkeyServer
{
    public const string AppCallback = "https://app.example/auth/callback";

    public FakeGitHub GitHub { get; private set; } = null!;

    /// <summary>The server's log, with the request lines (the request id must be in them).</summary>
    public LogCapture Log { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);

    protected override async ValueTask BeforeStartAsync() => GitHub = await FakeGitHub.StartAsync();

    protected override async ValueTask AfterStopAsync()
    {
        if (GitHub is not null) await GitHub.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Latchkey.Requests"] = "Information";
        settings["Latchkey:Admin:Email"] = AdminServer.AdminEmail;
        settings["Latchkey:Admin:Password"] = Accounts.Password;
        settings["Latchkey:Social:AllowedRedirectUrls:0"] = AppCallback;
        var gh = GitHub.BaseAddress.ToString().TrimEnd('/');
        SocialServer.AddProvider(settings, "github", FakeGitHub.ClientId, FakeGitHub.ClientSecret, new()
        {
            ["AuthorizationEndpoint"] = gh + "/login/oauth/authorize", ["TokenEndpoint"] = gh + "/login/oauth/access_token", ["UserInfoEndpoint"] = gh + "/user",
        });
    }
}
