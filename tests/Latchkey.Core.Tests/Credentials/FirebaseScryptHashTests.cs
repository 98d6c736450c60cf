using Latchkey.Core.Credentials;

namespace Latchkey.Core.Tests.Credentials;

/// <summary>
/// Firebase's modified scrypt against the test vector Firebase publishes with its reference implementation
/// (github.com/firebase/scrypt, README "Password hashing" example, project parameters and account below; the same
/// vector is in the README of mcsimps2/py-scrypt-firebase): password "user1password" hashes to
/// "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==".
/// </summary>
public sealed class FirebaseScryptHashTests
{
    internal static readonly FirebaseHashConfig Project = new(
        "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==", "Bw==", Rounds: 8, MemCost: 14);

    internal const string Salt = "42xEC+ixf3L2lw==";
    internal const string Hash = "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==";

    [Fact]
    public void Firebase_published_vector_verifies_and_nothing_else_does()
    {
        var stored = FirebaseScryptHash.Format(Hash, Salt, Project)!;

        Assert.True(StoredPasswordHash.IsSupported(stored));
        Assert.True(FirebaseScryptHash.Verify(stored, "user1password"));
        Assert.False(FirebaseScryptHash.Verify(stored, "user1Password"));
        Assert.False(FirebaseScryptHash.Verify(FirebaseScryptHash.Format(Hash, "43xEC+ixf3L2lw==", Project)!, "user1password"));
        Assert.False(FirebaseScryptHash.Verify(FirebaseScryptHash.Format(Hash, Salt, Project with { SaltSeparator = "Bg==" })!, "user1password"));
    }

    [Fact]
    public void Url_safe_base64_without_padding_is_the_same_hash()
    {
        var urlSafe = Hash.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        Assert.True(FirebaseScryptHash.Verify(FirebaseScryptHash.Format(urlSafe, Salt.TrimEnd('='), Project)!, "user1password"));
    }

    [Theory]
    [InlineData("not base64!", Salt, 8, 14)]
    [InlineData("AAAA", Salt, 8, 14)]
    [InlineData(Hash, Salt, 8, 30)]
    [InlineData(Hash, Salt, 0, 14)]
    public void Malformed_or_absurd_parameters_are_refused(string hash, string salt, int rounds, int memCost)
    {
        Assert.Null(FirebaseScryptHash.Format(hash, salt, Project with { Rounds = rounds, MemCost = memCost }));
        Assert.False(StoredPasswordHash.IsSupported($"$firebase-scrypt$m={memCost},r={rounds}${salt}$Bw==${Project.SignerKey}${hash}"));
    }
}
