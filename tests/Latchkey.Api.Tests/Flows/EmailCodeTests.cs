using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>Email one-time-code sign-in (a Latchkey addition), with the mail read from the development outbox.</summary>
public sealed class EmailCodeTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private async Task<(HttpClient Client, string Email, string Code)> CodeForNewAccountAsync()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/email-otp", new { email })).StatusCode);
        var mail = (await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, 2), email)).Single(m => m.Subject.Contains("sign-in code"));
        return (client, email, mail.Code);
    }

    [Fact]
    public async Task A_code_signs_in_once_and_a_wrong_code_does_not()
    {
        var (client, email, code) = await CodeForNewAccountAsync();
        Assert.Matches("^[0-9]{6}$", code);

        var wrong = await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_code", (await wrong.JsonAsync()).Str("code"));

        var right = await client.PostJsonAsync("/api/auth/email-otp/verify", new { email = email.ToUpperInvariant(), code });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(email, (await right.JsonAsync()).GetProperty("user").Str("email"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        var reused = await server.CreateClient().PostJsonAsync("/api/auth/email-otp/verify", new { email, code });
        Assert.Equal("invalid_code", (await reused.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Five_wrong_guesses_burn_the_code()
    {
        var (client, email, code) = await CodeForNewAccountAsync();
        var wrongCode = code == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code = wrongCode })).StatusCode);

        var right = await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal("invalid_code", (await right.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var (client, email, code) = await CodeForNewAccountAsync();
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code })).StatusCode);
    }

    [Fact]
    public async Task A_new_code_replaces_the_previous_one()
    {
        var (client, email, first) = await CodeForNewAccountAsync();
        await client.PostJsonAsync("/api/auth/email-otp", new { email });
        var second = (await Mailboxes.WaitForAsync(server.OutboxPath, email, 3))[2].Code;
        if (first != second)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code = first })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code = second })).StatusCode);
    }

    [Fact]
    public async Task Requests_answer_the_same_for_unknown_addresses_and_malformed_codes_are_refused()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        var known = await client.PostJsonAsync("/api/auth/email-otp", new { email });
        var unknown = await client.PostJsonAsync("/api/auth/email-otp", new { email = Accounts.NewEmail("ghost") });
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        foreach (var code in new[] { "12345", "123456789", "abcdef", "" })
            Assert.Equal("invalid_code", (await (await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code })).JsonAsync()).Str("code"));
    }
}
