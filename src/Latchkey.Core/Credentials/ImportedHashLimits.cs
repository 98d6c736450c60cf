namespace Latchkey.Core.Credentials;

/// <summary>Sanity bounds for parameters read out of imported hashes.</summary>
internal static class ImportedHashLimits
{
    // Real deployments use at most about a million PBKDF2 iterations; a stored value far beyond that is
    // corrupt rather than real, and honouring it would stall the login thread for minutes.
    public const int MaxPbkdf2Iterations = 5_000_000;
}
