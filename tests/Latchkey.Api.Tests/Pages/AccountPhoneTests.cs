using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Pages.ConsoleForms;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// <c>/account/phone</c> over HTTP, on both databases, with the SMS sent through the local Twilio-speaking server:
/// the number changes only once the SMS code is typed back, and a bad number, a wrong code or a number held by another
/// account is refused on its field and changes nothing.
/// </summary>
public sealed partial class AccountPhoneTests(TwilioServer server) : IClassFixture<TwilioServer>
{
    private static string NewPhone() => "+1415" + Random.Shared.Next(1_000_000, 9_999_999);

    [Fact]
    public async Task The_number_changes_once_the_sms_code_is_typed_back()
    {
        var (browser, email) = await server.SignedInAsync();
        var (page, html) = await GetAsync(browser, "/account/phone");
        AssertPage(page, html, HttpStatusCode.OK, "No phone number is on your account");

        var phone = NewPhone();
        var (sent, sentHtml) = await SendFormAsync(browser, "/account/phone", "/account/phone/send-code",
            ("phone_number", $"{phone[..2]} ({phone[2..5]}) {phone[5..8]}-{phone[8..]}"));
        AssertPage(sent, sentHtml, HttpStatusCode.OK, $"We sent a code by SMS to {phone}");
        var code = SixDigits().Match(await server.Twilio.WaitForAsync(phone)).Value;

        var (wrong, wrongHtml) = await SendFormFromAsync(browser, sentHtml, "/account/phone/verify", ("code", code == "000000" ? "111111" : "000000"));
        AssertPage(wrong, wrongHtml, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"code-error\"", wrongHtml);
        Assert.Null(await PhoneOfAsync(email));

        var (verified, verifiedHtml) = await SendFormFromAsync(browser, wrongHtml, "/account/phone/verify", ("code", code));
        AssertSeeOther(verified, "/account/phone?done=phone", verifiedHtml);
        Assert.Equal(phone, await PhoneOfAsync(email));
        var (after, afterHtml) = await GetAsync(browser, "/account/phone?done=phone");
        AssertPage(after, afterHtml, HttpStatusCode.OK, "Your phone number was changed and verified.");
        // The encoder writes the number's + as a character reference.
        Assert.Contains($"<strong id=\"current-phone\">{phone}</strong> (verified)", WebUtility.HtmlDecode(afterHtml));
    }

    [Fact]
    public async Task A_bad_number_or_one_held_by_another_account_is_refused_on_its_field()
    {
        var (browser, email) = await server.SignedInAsync();
        foreach (var bad in new[] { "4155550123", "+1 415 CALL ME", "" })
        {
            var (refused, refusedHtml) = await SendFormAsync(browser, "/account/phone", "/account/phone/send-code", ("phone_number", bad));
            AssertPage(refused, refusedHtml, HttpStatusCode.BadRequest, "international format");
            Assert.Contains("id=\"phone_number-error\"", refusedHtml);
        }

        var (holder, _) = await server.SignedInAsync();
        var phone = NewPhone();
        await holder.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone });
        var holderCode = SixDigits().Match(await server.Twilio.WaitForAsync(phone)).Value;
        Assert.Equal(HttpStatusCode.OK, (await holder.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code = holderCode })).StatusCode);

        var (_, sentHtml) = await SendFormAsync(browser, "/account/phone", "/account/phone/send-code", ("phone_number", phone));
        var code = SixDigits().Match(await server.Twilio.WaitForAsync(phone, 2)).Value;
        var (taken, takenHtml) = await SendFormFromAsync(browser, sentHtml, "/account/phone/verify", ("code", code));
        AssertPage(taken, takenHtml, HttpStatusCode.Conflict, "belongs to another account");
        Assert.Contains("id=\"phone_number-error\"", takenHtml);
        Assert.Null(await PhoneOfAsync(email));
    }

    private Task<string?> PhoneOfAsync(string email) =>
        server.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PhoneNumber).SingleAsync());

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
