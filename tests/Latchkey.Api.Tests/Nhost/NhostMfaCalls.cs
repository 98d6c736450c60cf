using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>TOTP, MFA sign-in and emailed-ticket calls as the Nhost SDK makes them.</summary>
public static class NhostMfaCalls
{
    /// <summary>An account with TOTP turned on through <c>/v1/mfa/totp/generate</c> and <c>/v1/user/mfa</c>; returns its key.</summary>
    public static async Task<(string Email, byte[] Key, JsonElement Session)> TotpAccountAsync(this HttpClient client, LatchkeyServer server)
    {
        var email = Accounts.NewEmail();
        var session = await client.SignUpAsync(email);
        var key = await client.GenerateTotpAsync(session.AccessToken());
        var activated = await client.PostJsonAsync("/v1/user/mfa", new { code = TwoFactor.Code(server, key), activeMfaType = "totp" }, session.AccessToken());
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        return (email, key, session);
    }

    public static async Task<byte[]> GenerateTotpAsync(this HttpClient client, string accessToken)
    {
        var generated = await client.GetAsync("/v1/mfa/totp/generate", accessToken);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        return TwoFactor.Base32Decode((await generated.JsonAsync()).Str("totpSecret"));
    }

    /// <summary>The password step of a TOTP account: asserts the spec's challenge answer and returns the ticket.</summary>
    public static async Task<string> MfaTicketAsync(this HttpClient client, string email, string password = Accounts.Password)
    {
        var response = await client.PostJsonAsync("/v1/signin/email-password", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("session", out var session) && session.ValueKind != JsonValueKind.Null, "no session before the second factor");
        var ticket = body.GetProperty("mfa").Str("ticket");
        Assert.StartsWith("mfaTotp:", ticket);
        return ticket;
    }

    public static Task<HttpResponseMessage> MfaSignInAsync(this HttpClient client, string ticket, string otp) =>
        client.PostJsonAsync("/v1/signin/mfa/totp", new { ticket, otp });

    /// <summary>
    /// The <c>/v1/verify</c> link of the <paramref name="count"/>-th mail to <paramref name="email"/> whose subject
    /// contains <paramref name="subject"/>, as a relative URL (other mails, such as a sign-up's, may arrive first).
    /// </summary>
    public static async Task<string> VerifyLinkAsync(this LatchkeyServer server, string email, string subject, int count = 1)
    {
        for (var wanted = 1; ; wanted++)
        {
            var mails = await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, wanted), email);
            var matching = mails.Where(m => m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count >= count) return RelativeVerifyLink(matching[count - 1]);
        }
    }

    private static string RelativeVerifyLink(Email mail)
    {
        var link = new Uri(mail.Link);
        Assert.Equal("/v1/verify", link.AbsolutePath);
        return link.PathAndQuery;
    }

    /// <summary>The query of a redirect's Location, decoded.</summary>
    public static Dictionary<string, string> RedirectQuery(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString());
    }
}

public static class NhostAssert
{
    /// <summary>The spec's ErrorResponse with this status and error name.</summary>
    public static async Task ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.Str("error"));
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
    }
}
