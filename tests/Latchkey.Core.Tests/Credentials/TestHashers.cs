using Latchkey.Core.Credentials;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tests.Credentials;

/// <summary>Hashers at the lowest cost libsodium allows in practice, so the suite stays fast.</summary>
internal static class TestHashers
{
    public static Argon2idPasswordHasher Create(int iterations = 1, int memoryKiB = 1024) =>
        new(Options.Create(new PasswordHashingOptions { Iterations = iterations, MemoryKiB = memoryKiB }));
}
