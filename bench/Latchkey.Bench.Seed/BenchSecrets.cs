using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Bench.Seed;

/// <summary>
/// The refresh-token secret of seeded session <c>i</c>: base64url(SHA-256("latchkey-bench:" + salt + ":" + i)),
/// 43 characters like a real one. Deterministic so PostgreSQL can compute the same value set-wise
/// (<see cref="PostgresSql"/>) while this program writes the secrets the Lua scripts replay.
/// </summary>
internal static class BenchSecrets
{
    public static string RefreshSecret(string salt, long i) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"latchkey-bench:{salt}:{i}")));

    public static void WriteFile(string path, string salt, long first, long count)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = first; i < first + count; i++) writer.WriteLine(RefreshSecret(salt, i));
    }
}
