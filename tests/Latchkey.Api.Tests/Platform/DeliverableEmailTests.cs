using System.Globalization;
using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

/// <summary>
/// Every surface that takes a new address refuses one the server cannot deliver to, or one that passes for another
/// (issue 22, item 10): a Cyrillic look-alike of the administrator's address, a punycode homograph of its domain.
/// One rule in the core (UserNormalizer.IsValidEmail); each surface answers in its own shape and stores nothing.
/// </summary>
public sealed class DeliverableEmailTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    public static TheoryData<string> Refused() =>
    [
        "аdmin@latchkey.test",                                                      // Cyrillic а
        "admin@" + new IdnMapping().GetAscii("lаtchkey.test"),                      // xn-- homograph of the domain
        "ada@exämple.com",
        "\"ada\"@example.com",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Platform_registration_refuses_it(string email)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await response.JsonAsync()).GetProperty("success").GetBoolean());
        var login = await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Nhost_sign_up_refuses_it(string email)
    {
        var response = await server.CreateClient().PostJsonAsync("/v1/signup/email-password", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(400, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Email_change_refuses_it(string email)
    {
        var (client, _) = await server.SignedInAsync();
        var response = await client.PostJsonAsync("/api/user/email/request-change", new { newEmail = email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_genuine_internationalised_domain_in_its_ascii_form_is_accepted()
    {
        var email = $"ada-{Guid.NewGuid():N}@" + new IdnMapping().GetAscii("bücher.example");
        var response = await server.CreateClient().PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
