using Latchkey.Core.Social;

namespace Latchkey.Core.Users.Import;

/// <summary>The accounts waiting for one insert, with their unique keys, so a key repeated in the file is caught before the database sees it.</summary>
internal sealed class ImportBatch
{
    private readonly List<(long Line, User User, IReadOnlyList<UserIdentity> Identities)> _entries = [];
    private readonly HashSet<string> _identities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usernames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    public int Count => _entries.Count;
    public IReadOnlyList<(long Line, User User, IReadOnlyList<UserIdentity> Identities)> Entries => _entries;
    public IReadOnlyCollection<string> Emails => _emails;
    public IReadOnlyCollection<string> Usernames => _usernames;
    public IReadOnlyCollection<string> Phones => _phones;
    /// <summary>Provider and provider's user id of every identity in the batch (<see cref="ImportedIdentities.Key"/>).</summary>
    public IReadOnlyCollection<string> Identities => _identities;

    public bool TryAdd(long line, User user, IReadOnlyList<UserIdentity> identities)
    {
        if (_emails.Contains(user.NormalizedEmail)
            || (user.NormalizedUsername is { } name && _usernames.Contains(name))
            || (user.PhoneNumber is { } phone && _phones.Contains(phone))
            || identities.Any(i => _identities.Contains(ImportedIdentities.Key(i.Provider, i.ProviderUserId)))) return false;
        foreach (var identity in identities) _identities.Add(ImportedIdentities.Key(identity.Provider, identity.ProviderUserId));
        _emails.Add(user.NormalizedEmail);
        if (user.NormalizedUsername is { } n) _usernames.Add(n);
        if (user.PhoneNumber is { } p) _phones.Add(p);
        _entries.Add((line, user, identities));
        return true;
    }

    public void Clear()
    {
        _entries.Clear();
        _emails.Clear();
        _usernames.Clear();
        _phones.Clear();
        _identities.Clear();
    }
}
