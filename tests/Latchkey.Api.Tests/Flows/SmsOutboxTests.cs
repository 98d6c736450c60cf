using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>With no SMS provider configured, texts go to the development outbox (a file each, under sms/).</summary>
public sealed partial class SmsOutboxTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task A_verification_code_is_written_to_the_outbox_and_works()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        var phone = "+4930" + Random.Shared.Next(1_000_000, 9_999_999);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone })).StatusCode);

        var text = await WaitForSmsAsync(phone);
        Assert.Contains($"To: {phone}", text);
        var code = SixDigits().Match(text).Value;
        var verified = await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    private async Task<string> WaitForSmsAsync(string phone)
    {
        var folder = Path.Combine(server.OutboxPath, "sms");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder).Select(File.ReadAllText).FirstOrDefault(t => t.Contains(phone)) is { } text)
                return text;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No SMS to {phone} in {folder}.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
