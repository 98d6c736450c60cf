using Latchkey.Core.Credentials;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tests.Credentials;

public sealed class FileBreachedPasswordCheckerTests : IDisposable
{
    private static readonly string[] Breached = ["hunter2-but-longer", "password123", "letmein!", "Blue-Kettle-Orbit-7-leaked"];

    private readonly string _directory = Directory.CreateTempSubdirectory("latchkey-breach-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("\n", true, false)]
    [InlineData("\r\n", true, false)]
    [InlineData("\n", false, false)]
    [InlineData("\n", true, true)]
    public async Task Listed_passwords_are_found_and_others_are_not(string newline, bool withCounts, bool lowercase)
    {
        using var checker = Checker(WriteList(Breached, newline, withCounts, lowercase, fillerCount: 5000));

        foreach (var password in Breached)
        {
            Assert.True(await checker.IsBreachedAsync(password, TestContext.Current.CancellationToken), password);
        }

        foreach (var password in new[] { "Blue-Kettle-Orbit-7", "not in the list", "" })
        {
            Assert.False(await checker.IsBreachedAsync(password, TestContext.Current.CancellationToken), password);
        }
    }

    [Fact]
    public async Task First_and_last_lines_are_found()
    {
        var hashes = Breached.Select(FakePwnedPasswordsServer.Sha1).Order(StringComparer.Ordinal).ToList();
        using var checker = Checker(WriteList(Breached, "\n", withCounts: false, lowercase: false, fillerCount: 0));

        var first = Breached.Single(p => FakePwnedPasswordsServer.Sha1(p) == hashes[0]);
        var last = Breached.Single(p => FakePwnedPasswordsServer.Sha1(p) == hashes[^1]);

        Assert.True(await checker.IsBreachedAsync(first, TestContext.Current.CancellationToken));
        Assert.True(await checker.IsBreachedAsync(last, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_entry_of_a_large_list_is_found()
    {
        var passwords = Enumerable.Range(0, 3000).Select(i => $"leaked-{i}").ToArray();
        using var checker = Checker(WriteList(passwords, "\n", withCounts: true, lowercase: false, fillerCount: 0));

        foreach (var password in passwords)
        {
            Assert.True(await checker.IsBreachedAsync(password, TestContext.Current.CancellationToken), password);
            Assert.False(await checker.IsBreachedAsync(password + "!", TestContext.Current.CancellationToken), password + "!");
        }
    }

    [Fact]
    public async Task Entry_with_count_zero_is_not_a_breach()
    {
        var path = Path.Combine(_directory, "zero.txt");
        File.WriteAllText(path, $"{FakePwnedPasswordsServer.Sha1("padding-only")}:0\n");

        using var checker = Checker(path);

        Assert.False(await checker.IsBreachedAsync("padding-only", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Empty_file_lists_nothing()
    {
        var path = Path.Combine(_directory, "empty.txt");
        File.WriteAllText(path, "");

        using var checker = Checker(path);

        Assert.False(await checker.IsBreachedAsync("anything", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Missing_or_malformed_file_means_could_not_tell()
    {
        var malformed = Path.Combine(_directory, "malformed.txt");
        File.WriteAllText(malformed, new string('X', 10_000));

        using var missingChecker = Checker(Path.Combine(_directory, "missing.txt"));
        using var malformedChecker = Checker(malformed);

        Assert.Null(await missingChecker.IsBreachedAsync("anything", TestContext.Current.CancellationToken));
        Assert.Null(await malformedChecker.IsBreachedAsync("anything", TestContext.Current.CancellationToken));
    }

    private FileBreachedPasswordChecker Checker(string path) =>
        new(Options.Create(new BreachCheckOptions { Mode = BreachCheckModes.File, PrefixFilePath = path }),
            new ListLogger<FileBreachedPasswordChecker>());

    private string WriteList(IEnumerable<string> passwords, string newline, bool withCounts, bool lowercase, int fillerCount)
    {
        var random = new Random(7);
        var hashes = passwords.Select(FakePwnedPasswordsServer.Sha1)
            .Concat(Enumerable.Range(0, fillerCount).Select(i => FakePwnedPasswordsServer.Sha1($"filler-{i}")))
            .Order(StringComparer.Ordinal)
            .Select(h => lowercase ? h.ToLowerInvariant() : h)
            .Select(h => withCounts ? $"{h}:{random.Next(1, 100_000)}" : h);

        var path = Path.Combine(_directory, $"list-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, string.Join(newline, hashes) + newline);
        return path;
    }
}
