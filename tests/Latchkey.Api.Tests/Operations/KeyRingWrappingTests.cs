using System.Security.Cryptography;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>
/// The Data Protection key ring at rest (as a database backup holds it): in clear without a wrapping key, encrypted by
/// <c>keys rewrap</c> and for every new key once one is set, re-encrypted at a wrapping-key rotation, and still able
/// to open what it protected (the signing keys every command loads) under the new key alone; <c>config check</c>
/// refusing a missing, malformed, weak or exposed key in production.
/// </summary>
public sealed class KeyRingWrappingTests : IAsyncLifetime
{
    private const string KeyRingQuery = "SELECT xml FROM data_protection_keys";
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private Task<LatchkeyCommand.Outcome> RunAsync(IReadOnlyDictionary<string, string?> extra, params string[] args)
    {
        var settings = new Dictionary<string, string?>(_database.Settings);
        foreach (var (key, value) in extra) settings[key] = value;
        return LatchkeyCommand.RunAsync(settings, null, args);
    }

    private static string WrappingKeyId(LatchkeyCommand.Outcome rewrap) =>
        rewrap.Output.Split("(wrapping key ")[1].Split(')')[0];

    [Fact]
    public async Task Rewrap_encrypts_a_clear_key_ring_and_a_rotation_keeps_every_protected_value_readable()
    {
        Assert.True((await RunAsync(new Dictionary<string, string?>(), "keys", "rotate")).ExitCode == 0);
        var clear = await _database.QueryStringsAsync(KeyRingQuery);
        Assert.NotEmpty(clear);
        Assert.All(clear, xml => Assert.Contains("<masterKey", xml));

        var first = NewKey();
        var withFirst = new Dictionary<string, string?> { ["Latchkey:DataProtection:WrappingKey"] = first };
        var wrap = await RunAsync(withFirst, "keys", "rewrap");
        Assert.True(wrap.ExitCode == 0, wrap.ToString());
        Assert.Contains($"Encrypted {clear.Count} key(s) stored in clear, re-encrypted 0", wrap.Output);
        var firstId = WrappingKeyId(wrap);
        var wrapped = await _database.QueryStringsAsync(KeyRingQuery);
        Assert.All(wrapped, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains($"wrappingKeyId=\"{firstId}\"", xml);
        });
        // The signing keys, protected by the ring, open under the wrapping key.
        var rotate = await RunAsync(withFirst, "keys", "rotate");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        Assert.Contains($"0 key(s) stored in clear, re-encrypted 0 under a previous wrapping key, {clear.Count} already",
            (await RunAsync(withFirst, "keys", "rewrap")).Output);

        var second = NewKey();
        var rotating = new Dictionary<string, string?>
        {
            ["Latchkey:DataProtection:WrappingKey"] = second,
            ["Latchkey:DataProtection:PreviousWrappingKeys:0"] = first,
        };
        var rewrap = await RunAsync(rotating, "keys", "rewrap");
        Assert.True(rewrap.ExitCode == 0, rewrap.ToString());
        Assert.Contains($"Encrypted 0 key(s) stored in clear, re-encrypted {clear.Count} under a previous wrapping key", rewrap.Output);
        var secondId = WrappingKeyId(rewrap);
        Assert.All(await _database.QueryStringsAsync(KeyRingQuery), xml =>
        {
            Assert.Contains($"wrappingKeyId=\"{secondId}\"", xml);
            Assert.DoesNotContain(firstId, xml);
        });

        var withSecond = new Dictionary<string, string?> { ["Latchkey:DataProtection:WrappingKey"] = second };
        var afterRotation = await RunAsync(withSecond, "keys", "rotate");
        Assert.True(afterRotation.ExitCode == 0, afterRotation.ToString());

        // The retired key alone opens nothing, and the refusal changes nothing.
        var before = await _database.QueryStringsAsync(KeyRingQuery);
        var stale = await RunAsync(withFirst, "keys", "rewrap");
        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Contains($"Nothing changed: The Data Protection key ring is encrypted with wrapping key {secondId}, which is not configured", stale.Error);
        Assert.Equal(before, await _database.QueryStringsAsync(KeyRingQuery));
    }

    [Fact]
    public async Task With_a_wrapping_key_new_keys_are_encrypted_as_they_are_made()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(database.Settings) { ["Latchkey:DataProtection:WrappingKey"] = NewKey() };
        var rotate = await LatchkeyCommand.RunAsync(settings, null, "keys", "rotate");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var ring = await database.QueryStringsAsync(KeyRingQuery);
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains("Latchkey.Data.KeyRing.AesGcmXmlDecryptor", xml);
        });
        Assert.True((await LatchkeyCommand.RunAsync(settings, null, "keys", "rotate")).ExitCode == 0);
    }

    [Fact]
    public async Task Rewrap_without_a_wrapping_key_is_refused()
    {
        var run = await RunAsync(new Dictionary<string, string?>(), "keys", "rewrap");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("No wrapping key is configured", run.Error);
    }

    [Theory]
    [InlineData(null, "No Latchkey:DataProtection:WrappingKey (or WrappingKeyFile)")]
    [InlineData("c2hvcnQ=", "must be 32 bytes in base64 (it has 5")]
    [InlineData("not base64!", "is not base64")]
    [InlineData("YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=", "WrappingKey is weak")]
    public async Task Config_check_in_production_refuses_a_missing_malformed_or_weak_wrapping_key(string? key, string expected)
    {
        var run = await RunAsync(new Dictionary<string, string?> { ["Latchkey:DataProtection:WrappingKey"] = key }, "config", "check");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        if (key is not null) Assert.DoesNotContain(key, run.Output + run.Error);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Config_check_accepts_a_private_key_file_and_refuses_one_other_users_can_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"latchkey-wrapping-{Guid.NewGuid():N}.key");
        await File.WriteAllTextAsync(path, NewKey() + "\n");
        try
        {
            var file = new Dictionary<string, string?> { ["Latchkey:DataProtection:WrappingKeyFile"] = path };
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var ok = await RunAsync(file, "config", "check");
            Assert.True(ok.ExitCode == 0, ok.ToString());

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            var exposed = await RunAsync(file, "config", "check");
            Assert.True(exposed.ExitCode == 1, exposed.ToString());
            Assert.Contains("is readable by other users", exposed.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
