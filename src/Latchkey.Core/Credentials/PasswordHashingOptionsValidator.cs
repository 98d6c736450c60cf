using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>Rejects hashing settings libsodium would refuse, naming the configuration key at fault.</summary>
internal sealed class PasswordHashingOptionsValidator : IValidateOptions<PasswordHashingOptions>
{
    private const string Section = PasswordServiceCollectionExtensions.SectionPath + ":Hashing";

    public ValidateOptionsResult Validate(string? name, PasswordHashingOptions options)
    {
        var failures = new List<string>();
        if (options.Iterations < 1)
        {
            failures.Add($"{Section}:Iterations must be at least 1 (got {options.Iterations}).");
        }

        // libsodium's Argon2 minimum memory is 8 KiB.
        if (options.MemoryKiB < 8)
        {
            failures.Add($"{Section}:MemoryKiB must be at least 8 (got {options.MemoryKiB}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
