using System.Buffers.Binary;
using System.Security.Cryptography;
using Latchkey.Core.Credentials;
using Microsoft.AspNetCore.Identity;
using Org.BouncyCastle.Crypto.Generators;

namespace Latchkey.Core.Tests.Credentials;

public sealed class ImportedHashTests
{
    private readonly Argon2idPasswordHasher _hasher = TestHashers.Create();

    [Theory]
    [InlineData("2a")]
    [InlineData("2b")]
    [InlineData("2y")]
    public async Task Bcrypt_hashes_verify_and_ask_for_rehash(string version)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = OpenBsdBCrypt.Generate(version, "correct horse 🐴".ToCharArray(), salt, 4);
        Assert.StartsWith($"${version}$04$", hash);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, "correct horse 🐴", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(hash, "correct horse", TestContext.Current.CancellationToken));
    }

    // Published vectors from the OpenBSD / jBCrypt bcrypt test set, made by implementations other than ours.
    [Theory]
    [InlineData("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe")]
    [InlineData("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC")]
    public async Task Known_bcrypt_vectors_verify(string password, string hash)
    {
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, password, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(hash, password + "x", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bcrypt_ignores_bytes_past_72_like_every_implementation()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = OpenBsdBCrypt.Generate("2b", new string('a', 100).ToCharArray(), salt, 4);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, new string('a', 72), TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(hash, new string('a', 71), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(1, 10_000, 16, 32)] // Identity 3.x-6 defaults: HMAC-SHA256, 10k iterations
    [InlineData(2, 1_000, 16, 32)] // Identity 7+ uses HMAC-SHA512 (with 100k iterations; fewer here for speed)
    [InlineData(0, 1_000, 24, 20)] // HMAC-SHA1 with a longer salt: the header, not a fixed layout, decides
    public async Task Identity_v3_hash_laid_out_by_hand_verifies_and_asks_for_rehash(int prf, int iterations, int saltLength, int subkeyLength)
    {
        var hash = IdentityV3(prf, iterations, saltLength, subkeyLength, "correct horse 🐴");

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, "correct horse 🐴", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(hash, "correct horse", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV3)]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV2)]
    public async Task Hash_from_aspnetcore_identitys_own_hasher_verifies(PasswordHasherCompatibilityMode mode)
    {
        var identity = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(
            new PasswordHasherOptions { CompatibilityMode = mode, IterationCount = 1_000 }));
        var hash = identity.HashPassword(new object(), "correct horse");

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, "correct horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(hash, "correct horsE", TestContext.Current.CancellationToken));
    }

    // Computed on this machine with:
    // python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac('sha256', b'correct horse battery staple', b'Xm1vQ2a9RtLw', 1000)).decode())"
    [Theory]
    [InlineData("correct horse battery staple", "pbkdf2_sha256$1000$Xm1vQ2a9RtLw$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pässwörd", "pbkdf2_sha256$260000$c29tZXNhbHQ$GcAYvfjPV5IeFlKoU07BIkNeC3sZj+odIaHw7d/M4LI=")]
    public async Task Django_pbkdf2_vector_verifies_and_asks_for_rehash(string password, string hash)
    {
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, password, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(hash, password.ToUpperInvariant(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Django_pbkdf2_sha1_verifies()
    {
        var derived = Rfc2898DeriveBytes.Pbkdf2("correct horse"u8, "saltsalt"u8, 1000, HashAlgorithmName.SHA1, 20);
        var hash = $"pbkdf2_sha1$1000$saltsalt${Convert.ToBase64String(derived)}";

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _hasher.VerifyAsync(hash, "correct horse", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$")]
    [InlineData("$argon2id$")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$")]
    [InlineData("$argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$ü$ü")]
    [InlineData("$argon2d$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$2a$")]
    [InlineData("$2b$04$short")]
    [InlineData("$2a$99$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2a$03$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s!")]
    [InlineData("$2a$06xDCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("$2x$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("pbkdf2_sha256$")]
    [InlineData("pbkdf2_sha256$abc$salt$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pbkdf2_sha256$0$salt$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pbkdf2_sha256$-5$salt$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pbkdf2_sha256$999999999$salt$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pbkdf2_sha256$1000$$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pbkdf2_sha256$1000$salt$not base64!")]
    [InlineData("pbkdf2_sha256$1000$salt$AAAA")]
    [InlineData("pbkdf2_md5$1000$salt$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("pbkdf2_sha256$1000$a$b$gK+CrQx8xDn2AIh+0hp0A6wSRUthqQykwT765DDzBq4=")]
    [InlineData("AQ==")]
    [InlineData("AQAAAAEAACcQAAAAEA==")]
    [InlineData("Ag==")]
    [InlineData("AA==")]
    public async Task Malformed_or_unknown_hash_fails_without_throwing(string storedHash)
    {
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(storedHash, "correct horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(storedHash, "", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Identity_v3_with_bad_header_fails_without_throwing()
    {
        var good = Convert.FromBase64String(IdentityV3(1, 1000, 16, 32, "correct horse"));

        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(WithUInt32(good, 1, 7), "correct horse", TestContext.Current.CancellationToken)); // unknown PRF
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(WithUInt32(good, 5, 0), "correct horse", TestContext.Current.CancellationToken)); // 0 iterations
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(WithUInt32(good, 5, uint.MaxValue), "correct horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(WithUInt32(good, 9, 8), "correct horse", TestContext.Current.CancellationToken)); // salt too short
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(WithUInt32(good, 9, 40), "correct horse", TestContext.Current.CancellationToken)); // subkey too short
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(WithUInt32(good, 9, uint.MaxValue), "correct horse", TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerification.Failed, await _hasher.VerifyAsync(Convert.ToBase64String(good[..20]), "correct horse", TestContext.Current.CancellationToken));
    }

    private static string IdentityV3(int prf, int iterations, int saltLength, int subkeyLength, string password)
    {
        var algorithm = prf switch { 0 => HashAlgorithmName.SHA1, 1 => HashAlgorithmName.SHA256, _ => HashAlgorithmName.SHA512 };
        var salt = RandomNumberGenerator.GetBytes(saltLength);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, algorithm, subkeyLength);

        var bytes = new byte[13 + saltLength + subkeyLength];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), (uint)prf);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)saltLength);
        salt.CopyTo(bytes.AsSpan(13));
        subkey.CopyTo(bytes.AsSpan(13 + saltLength));
        return Convert.ToBase64String(bytes);
    }

    private static string WithUInt32(byte[] bytes, int offset, uint value)
    {
        var copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(offset), value);
        return Convert.ToBase64String(copy);
    }
}
