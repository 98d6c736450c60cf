using Latchkey.Core.Common;
using Latchkey.Core.Social;

namespace Latchkey.Core.Users.Import;

/// <summary>Checks an imported record's linked identities and turns them into rows of the account they belong to.</summary>
public static class ImportedIdentities
{
    private const int MaxProvider = 64;
    private const int MaxProviderUserId = 255;
    private const int MaxEmail = 254;

    /// <summary>The rows, or why the record cannot be imported (a name or id that does not fit, one identity twice).</summary>
    internal static Result<IReadOnlyList<UserIdentity>> Map(IReadOnlyList<ImportedIdentity> source, Guid userId, DateTime now)
    {
        if (source.Count == 0) return Result<IReadOnlyList<UserIdentity>>.Ok([]);
        var rows = new List<UserIdentity>(source.Count);
        foreach (var identity in source)
        {
            var provider = identity.Provider.Trim().ToLowerInvariant();
            var subject = identity.ProviderUserId.Trim();
            if (provider.Length is 0 or > MaxProvider || provider.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
                return AuthError.Validation($"identity provider name must be 1 to {MaxProvider} characters without spaces");
            if (subject.Length is 0 or > MaxProviderUserId || subject.Any(char.IsControl))
                return AuthError.Validation($"identity user id must be 1 to {MaxProviderUserId} characters");
            if (rows.Any(r => r.Provider == provider && r.ProviderUserId == subject))
                return AuthError.Validation($"identity {provider} {subject} is listed twice");
            rows.Add(new UserIdentity
            {
                Id = Ids.New(),
                UserId = userId,
                Provider = provider,
                ProviderUserId = subject,
                Email = identity.Email is { Length: > 0 and <= MaxEmail } email ? email.Trim() : null,
                CreatedAt = now,
            });
        }
        return Result<IReadOnlyList<UserIdentity>>.Ok(rows);
    }

    /// <summary>The key an identity is unique by, for the batch's and the database's duplicate checks.</summary>
    public static string Key(string provider, string providerUserId) => provider + "\n" + providerUserId;
}
