using System.Diagnostics;
using System.Text;
using Latchkey.Core.Credentials;

namespace Latchkey.Core.Tests.Credentials;

public sealed class Argon2idPasswordHasherTests
{
    [Fact]
    public async Task Hash_is_a_standard_argon2id_string_with_the_configured_cost()
    {
        var hash = await TestHashers.Create(iterations: 1, memoryKiB: 1024).HashAsync("correct horse", TestContext.Current.CancellationToken);

        Assert.Matches(@"^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$", hash);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("")]
    [InlineData("pässwörd – 密码 – 🔑🔑")]
    public async Task Round_trip_succeeds(string password)
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerification.Success, await hasher.VerifyAsync(await hasher.HashAsync(password, TestContext.Current.CancellationToken), password, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Wrong_password_fails()
    {
        var hasher = TestHashers.Create();
        var hash = await hasher.HashAsync("correct horse battery staple", TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, "correct horse battery stapler", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, "Correct horse battery staple", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, "", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_hash_gets_its_own_salt()
    {
        var hasher = TestHashers.Create();

        Assert.NotEqual(await hasher.HashAsync("same password", TestContext.Current.CancellationToken), await hasher.HashAsync("same password", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(2, 1024)]
    [InlineData(1, 2048)]
    public async Task Hash_made_with_other_parameters_verifies_but_asks_for_rehash(int iterations, int memoryKiB)
    {
        var oldHash = await TestHashers.Create(iterations: 1, memoryKiB: 1024).HashAsync("correct horse", TestContext.Current.CancellationToken);
        var current = TestHashers.Create(iterations, memoryKiB);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await current.VerifyAsync(oldHash, "correct horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await current.VerifyAsync(oldHash, "wrong horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Success, await current.VerifyAsync(await current.HashAsync("correct horse", TestContext.Current.CancellationToken), "correct horse", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Argon2i_hash_verifies_and_asks_for_rehash_to_argon2id()
    {
        var argon2i = Sodium.HashString(Encoding.UTF8.GetBytes("correct horse"), 3, 1024 * 1024, Sodium.Argon2i13);
        Assert.StartsWith("$argon2i$", argon2i);

        var hasher = TestHashers.Create(iterations: 3, memoryKiB: 1024);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await hasher.VerifyAsync(argon2i, "correct horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(argon2i, "wrong horse", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dummy_verification_costs_about_as_much_as_a_real_one()
    {
        // Cost high enough that a skipped or cheaper dummy would stand out from scheduling noise.
        var hasher = TestHashers.Create(iterations: 2, memoryKiB: 16 * 1024);
        var hash = await hasher.HashAsync("correct horse", TestContext.Current.CancellationToken);
        await hasher.VerifyDummyAsync("warm-up: the dummy hash is made on first use", TestContext.Current.CancellationToken);

        var real = await MedianMillisecondsAsync(() => hasher.VerifyAsync(hash, "wrong horse", TestContext.Current.CancellationToken));
        var dummy = await MedianMillisecondsAsync(() => hasher.VerifyDummyAsync("wrong horse", TestContext.Current.CancellationToken));

        Assert.True(dummy > real * 0.25, $"dummy verify took {dummy:F1} ms, real verify {real:F1} ms");
        Assert.True(dummy < real * 4.0, $"dummy verify took {dummy:F1} ms, real verify {real:F1} ms");
    }

    private static async Task<double> MedianMillisecondsAsync(Func<Task> action)
    {
        var samples = new double[5];
        for (var i = 0; i < samples.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
