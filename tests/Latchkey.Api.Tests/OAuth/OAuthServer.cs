using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>A server with a bootstrap admin, so tests can create first-party clients through the admin console.</summary>
public class OAuthServer : LatchkeyServer
{
    public const string AdminEmail = "admin@latchkey.test";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Admin:Email"] = AdminEmail;
        settings["Latchkey:Admin:Password"] = Accounts.Password;
    }
}
