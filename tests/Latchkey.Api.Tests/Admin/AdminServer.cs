using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Admin;

/// <summary>A server with a bootstrap administrator, for the Admin API tests.</summary>
public class AdminServer : LatchkeyServer
{
    public const string AdminEmail = "root@latchkey.test";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Admin:Email"] = AdminEmail;
        settings["Latchkey:Admin:Password"] = Accounts.Password;
    }
}
