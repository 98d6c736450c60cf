using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>Client identifiers and secrets. Secrets carry 256 bits, so SHA-256 is the right storage hash.</summary>
public static class ClientSecrets
{
    public const string SecretPrefix = "lks_";

    public static string NewClientId() => "lk_" + RandomSecrets.Alphanumeric(24);

    public static string NewSecret() => SecretPrefix + RandomSecrets.Base64Url();

    /// <summary>Constant-time check; a client without a secret hash compares against a dummy so timing says nothing.</summary>
    public static bool Matches(byte[]? storedHash, string presented)
    {
        var hash = SecretHash.Sha256(presented);
        return SecretHash.FixedTimeEquals(storedHash ?? DummyHash, hash) && storedHash is not null;
    }

    /// <summary>
    /// The current secret, or the one a rotation replaced while its grace period runs. Both hashes are
    /// always compared, so the time taken does not tell which one matched.
    /// </summary>
    public static bool Matches(OAuthClient? client, string presented, DateTime now)
    {
        var current = Matches(client?.SecretHash, presented);
        var previous = Matches(client?.PreviousSecretHash, presented) && client!.PreviousSecretExpiresAt > now;
        return current | previous;
    }

    private static readonly byte[] DummyHash = SecretHash.Sha256("no-secret");
}
