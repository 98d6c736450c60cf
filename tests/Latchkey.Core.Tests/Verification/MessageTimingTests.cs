using Latchkey.Core.Messaging;
using Latchkey.Core.Verification;
using Microsoft.Extensions.Options;
using Xunit;

namespace Latchkey.Core.Tests.Verification;

public sealed class MessageTimingTests
{
    [Theory]
    [InlineData(10, "10 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(60, "1 hour")]
    [InlineData(1440, "24 hours")]
    [InlineData(90, "90 minutes")]
    public void Lifetimes_read_as_people_say_them(int minutes, string expected) =>
        Assert.Equal(expected, VerificationMessages.ExpiresIn(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_maximum()
    {
        var settings = new MessagingOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };
        Assert.Equal(TimeSpan.FromSeconds(30), MessageDelivery.RetryDelay(1, settings));
        Assert.Equal(TimeSpan.FromSeconds(60), MessageDelivery.RetryDelay(2, settings));
        Assert.Equal(TimeSpan.FromSeconds(240), MessageDelivery.RetryDelay(4, settings));
        Assert.Equal(TimeSpan.FromMinutes(5), MessageDelivery.RetryDelay(10, settings));
        Assert.Equal(TimeSpan.FromMinutes(5), MessageDelivery.RetryDelay(50, settings));
    }

    [Fact]
    public void Template_locales_fall_back_and_never_take_a_path()
    {
        var templates = new MessageTemplates(Options.Create(new MessagingOptions { DefaultLocale = "de" }));
        Assert.Equal(["fr-ca", "fr", "de", "en"], templates.Candidates("fr-CA"));
        Assert.Equal(["de", "en"], templates.Candidates("../../etc/passwd"));
        Assert.Equal(["de", "en"], templates.Candidates(null));
    }
}
