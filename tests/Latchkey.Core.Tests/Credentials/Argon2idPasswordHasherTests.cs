using System.Diagnostics;
using System.Text;
using Latchkey.Core.Credentials;

namespace Latchkey.Core.Tests.Credentials;

public sealed class Argon2idPasswordHasherTests
{
    [Fact]
    public void Hash_is_a_standard_argon2id_string_with_the_configured_cost()
    {
        var hash = TestHashers.Create(iterations: 1, memoryKiB: 1024).Hash("correct horse");

        Assert.Matches(@"^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$", hash);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("")]
    [InlineData("pässwörd – 密码 – 🔑🔑")]
    public void Round_trip_succeeds(string password)
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerification.Success, hasher.Verify(hasher.Hash(password), password));
    }

    [Fact]
    public void Wrong_password_fails()
    {
        var hasher = TestHashers.Create();
        var hash = hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, "correct horse battery stapler"));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, "Correct horse battery staple"));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, ""));
    }

    [Fact]
    public void Each_hash_gets_its_own_salt()
    {
        var hasher = TestHashers.Create();

        Assert.NotEqual(hasher.Hash("same password"), hasher.Hash("same password"));
    }

    [Theory]
    [InlineData(2, 1024)]
    [InlineData(1, 2048)]
    public void Hash_made_with_other_parameters_verifies_but_asks_for_rehash(int iterations, int memoryKiB)
    {
        var oldHash = TestHashers.Create(iterations: 1, memoryKiB: 1024).Hash("correct horse");
        var current = TestHashers.Create(iterations, memoryKiB);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, current.Verify(oldHash, "correct horse"));
        Assert.Equal(PasswordVerification.Failed, current.Verify(oldHash, "wrong horse"));
        Assert.Equal(PasswordVerification.Success, current.Verify(current.Hash("correct horse"), "correct horse"));
    }

    [Fact]
    public void Argon2i_hash_verifies_and_asks_for_rehash_to_argon2id()
    {
        var argon2i = Sodium.HashString(Encoding.UTF8.GetBytes("correct horse"), 3, 1024 * 1024, Sodium.Argon2i13);
        Assert.StartsWith("$argon2i$", argon2i);

        var hasher = TestHashers.Create(iterations: 3, memoryKiB: 1024);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, hasher.Verify(argon2i, "correct horse"));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(argon2i, "wrong horse"));
    }

    [Fact]
    public void Dummy_verification_costs_about_as_much_as_a_real_one()
    {
        // Cost high enough that a skipped or cheaper dummy would stand out from scheduling noise.
        var hasher = TestHashers.Create(iterations: 2, memoryKiB: 16 * 1024);
        var hash = hasher.Hash("correct horse");
        hasher.VerifyDummy("warm-up: the dummy hash is made on first use");

        var real = MedianMilliseconds(() => hasher.Verify(hash, "wrong horse"));
        var dummy = MedianMilliseconds(() => hasher.VerifyDummy("wrong horse"));

        Assert.True(dummy > real * 0.25, $"dummy verify took {dummy:F1} ms, real verify {real:F1} ms");
        Assert.True(dummy < real * 4.0, $"dummy verify took {dummy:F1} ms, real verify {real:F1} ms");
    }

    private static double MedianMilliseconds(Action action)
    {
        var samples = new double[5];
        for (var i = 0; i < samples.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
