using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>
/// Phone verification and SMS code sign-in (Latchkey additions), sent through a real local HTTP server
/// speaking Twilio's Messages API.
/// </summary>
public sealed partial class SmsTests(TwilioServer server) : IClassFixture<TwilioServer>
{
    private static string NewPhone() => "+1415" + Random.Shared.Next(1_000_000, 9_999_999);

    private static string CodeIn(string sms) => SixDigits().Match(sms).Value;

    private async Task<(HttpClient Client, string Phone)> UserWithVerifiedPhoneAsync()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone })).StatusCode);
        var code = CodeIn(await server.Twilio.WaitForAsync(phone));
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code })).StatusCode);
        return (client, phone);
    }

    [Fact]
    public async Task A_phone_number_is_added_once_its_code_comes_back()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        var phone = NewPhone();
        var spaced = $"{phone[..2]} ({phone[2..5]}) {phone[5..8]}-{phone[8..]}";
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = spaced })).StatusCode);

        var sms = await server.Twilio.WaitForAsync(phone);
        Assert.Contains("is your Latchkey code to verify this phone number", sms);
        Assert.Contains(server.Twilio.Messages, m => m.To == phone && m.From == FakeTwilio.From);
        var code = CodeIn(sms);

        var wrong = await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code = code == "000000" ? "111111" : "000000" });
        Assert.Equal("invalid_code", (await wrong.JsonAsync()).Str("code"));
        var verified = await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var user = (await verified.JsonAsync()).GetProperty("user");
        Assert.Equal(phone, user.Str("phoneNumber"));
        Assert.True(user.GetProperty("phoneNumberVerified").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code })).StatusCode);
    }

    [Fact]
    public async Task Phone_endpoints_refuse_bad_numbers_and_anonymous_callers()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        foreach (var bad in new[] { "4155550123", "+0123456789", "+1 415 CALL ME", "" })
            Assert.Equal("validation_error", (await (await client.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = bad })).JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await server.CreateClient().PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = NewPhone() })).StatusCode);
    }

    [Fact]
    public async Task A_verified_number_belongs_to_one_account()
    {
        var (_, phone) = await UserWithVerifiedPhoneAsync();
        var other = server.CreateClient();
        await other.PlatformLoginAsync(await other.RegisterAsync());
        await other.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone });
        var code = CodeIn(await server.Twilio.WaitForAsync(phone, 2));
        var taken = await other.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("phone_taken", (await taken.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task An_SMS_code_signs_in_once()
    {
        var (_, phone) = await UserWithVerifiedPhoneAsync();
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/sms-otp", new { phoneNumber = phone })).StatusCode);
        var sms = await server.Twilio.WaitForAsync(phone, 2);
        Assert.Contains("is your Latchkey sign-in code", sms);
        var code = CodeIn(sms);

        var wrong = await client.PostJsonAsync("/api/auth/sms-otp/verify", new { phoneNumber = phone, code = code == "000000" ? "111111" : "000000" });
        Assert.Equal("invalid_code", (await wrong.JsonAsync()).Str("code"));
        var signedIn = await client.PostJsonAsync("/api/auth/sms-otp/verify", new { phoneNumber = phone, code });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(phone, (await (await client.GetAsync("/api/auth/me")).JsonAsync()).GetProperty("user").Str("phoneNumber"));

        var reused = await server.CreateClient().PostJsonAsync("/api/auth/sms-otp/verify", new { phoneNumber = phone, code });
        Assert.Equal("invalid_code", (await reused.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task SMS_codes_expire_and_five_wrong_guesses_burn_them()
    {
        var (_, phone) = await UserWithVerifiedPhoneAsync();
        var client = server.CreateClient();
        await client.PostJsonAsync("/api/auth/sms-otp", new { phoneNumber = phone });
        var code = CodeIn(await server.Twilio.WaitForAsync(phone, 2));
        var wrongCode = code == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++) await client.PostJsonAsync("/api/auth/sms-otp/verify", new { phoneNumber = phone, code = wrongCode });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/sms-otp/verify", new { phoneNumber = phone, code })).StatusCode);

        await client.PostJsonAsync("/api/auth/sms-otp", new { phoneNumber = phone });
        var late = CodeIn(await server.Twilio.WaitForAsync(phone, 3));
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/sms-otp/verify", new { phoneNumber = phone, code = late })).StatusCode);
    }

    [Fact]
    public async Task Unknown_numbers_get_the_same_answer_and_no_SMS()
    {
        var (_, phone) = await UserWithVerifiedPhoneAsync();
        var client = server.CreateClient();
        var stranger = NewPhone();
        var unknown = await client.PostJsonAsync("/api/auth/sms-otp", new { phoneNumber = stranger });
        var known = await client.PostJsonAsync("/api/auth/sms-otp", new { phoneNumber = phone });
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await server.Twilio.WaitForAsync(phone, 2);
        Assert.DoesNotContain(server.Twilio.Messages, m => m.To == stranger);
    }

    [Fact]
    public async Task A_provider_outage_is_retried_until_the_SMS_goes_out()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        var phone = NewPhone();
        server.Twilio.FailNext(phone, 2);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone })).StatusCode);

        // First attempt at once, retries after 30 s and 60 s (moved forward on the test clock once each
        // failure is recorded, so the retry is scheduled from the time before the jump).
        await WaitUntilFailedAsync(phone, attempts: 1);
        server.Clock.Advance(TimeSpan.FromSeconds(31));
        await WaitUntilFailedAsync(phone, attempts: 2);
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        var sms = await server.Twilio.WaitForAsync(phone);
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code = CodeIn(sms) })).StatusCode);
    }

    private async Task WaitUntilFailedAsync(string phone, int attempts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var row = await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.OutgoingMessages, m => m.Recipient == phone));
            // A failure is recorded once the retry is scheduled after the lease the claim took.
            if (row is { Attempts: var n, LastError: not null } && n == attempts && row.NextAttemptAt < server.Clock.GetUtcNow().UtcDateTime.AddMinutes(5)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"SMS to {phone}: {row?.Attempts} attempts, {row?.LastError}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
