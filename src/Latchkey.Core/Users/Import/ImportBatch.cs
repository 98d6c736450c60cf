namespace Latchkey.Core.Users.Import;

/// <summary>The accounts waiting for one insert, with their unique keys, so a key repeated in the file is caught before the database sees it.</summary>
internal sealed class ImportBatch
{
    private readonly List<(long Line, User User)> _entries = [];
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usernames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    public int Count => _entries.Count;
    public IReadOnlyList<(long Line, User User)> Entries => _entries;
    public IReadOnlyCollection<string> Emails => _emails;
    public IReadOnlyCollection<string> Usernames => _usernames;
    public IReadOnlyCollection<string> Phones => _phones;

    public bool TryAdd(long line, User user)
    {
        if (_emails.Contains(user.NormalizedEmail)
            || (user.NormalizedUsername is { } name && _usernames.Contains(name))
            || (user.PhoneNumber is { } phone && _phones.Contains(phone))) return false;
        _emails.Add(user.NormalizedEmail);
        if (user.NormalizedUsername is { } n) _usernames.Add(n);
        if (user.PhoneNumber is { } p) _phones.Add(p);
        _entries.Add((line, user));
        return true;
    }

    public void Clear()
    {
        _entries.Clear();
        _emails.Clear();
        _usernames.Clear();
        _phones.Clear();
    }
}
