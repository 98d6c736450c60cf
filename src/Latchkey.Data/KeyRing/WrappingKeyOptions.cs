namespace Latchkey.Data.KeyRing;

/// <summary>
/// <c>Latchkey:DataProtection</c>: the operator's key that encrypts the Data Protection key ring where it is stored (the
/// database), so a copy of the database alone does not open signing keys, TOTP secrets or webhook secrets.
/// Each key is 32 random bytes in base64 (<c>openssl rand -base64 32</c>), given inline (an environment secret) or in a file.
/// </summary>
public sealed class WrappingKeyOptions
{
    public const string Section = "Latchkey:DataProtection";

    /// <summary>The key new key-ring elements are encrypted with (base64 of 32 bytes).</summary>
    public string? WrappingKey { get; set; }

    /// <summary>A file holding the key in base64 instead of <see cref="WrappingKey"/> (readable by the server's user only).</summary>
    public string? WrappingKeyFile { get; set; }

    /// <summary>Keys used before a rotation: still accepted for reading until <c>latchkey keys rewrap</c> has run.</summary>
    public List<string> PreviousWrappingKeys { get; set; } = [];

    /// <summary>Files holding previous keys, as <see cref="PreviousWrappingKeys"/>.</summary>
    public List<string> PreviousWrappingKeyFiles { get; set; } = [];
}
