using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>
/// <c>latchkey users import</c> run as a process on the database of a running server: each format's accounts sign in
/// with the password their imported hash was made from (Fixtures/make-fixtures.py), the hash becomes Argon2id at that
/// sign-in, refused records are reported with reasons, and a second run changes nothing.
/// </summary>
public sealed class ImportCommandTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string FixturePassword = "Imported-cobalt-Meadow-47";

    [Theory]
    [InlineData("json", "latchkey.json", "json-ada@example.com", 2, 3)]
    [InlineData("csv", "latchkey.csv", "csv-grace@example.com", 2, 1)]
    [InlineData("auth0", "auth0.ndjson", "auth0-linus@example.com", 2, 1)]
    [InlineData("supabase", "supabase-users.csv", "supa-marie@example.com", 2, 0)]
    [InlineData("keycloak", "keycloak-realm.json", "kc-emmy@example.com", 2, 1)]
    public async Task Each_format_imports_and_its_accounts_sign_in_with_their_old_password(string format, string fixture, string email, int imported, int failed)
    {
        var (file, tag) = CopyFixture(fixture);
        email = Tagged(email, tag);
        var run = await ImportAsync(file, format);
        Assert.Equal(failed > 0 ? 4 : 0, run.ExitCode);
        Assert.Contains($"Imported {imported}, already present 0, failed {failed}", run.Output);

        var before = await HashOfAsync(email);
        Assert.False(before!.StartsWith("$argon2id$", StringComparison.Ordinal), "the imported hash was kept as it was");
        await server.CreateClient().SimpleLoginAsync(email, FixturePassword);
        Assert.StartsWith("$argon2id$", await HashOfAsync(email));

        var again = await ImportAsync(file, format);
        Assert.Contains($"Imported 0, already present {imported}, failed {failed}", again.Output);
    }

    [Fact]
    public async Task The_second_account_of_each_hashing_scheme_also_verifies()
    {
        var (keycloak, kcTag) = CopyFixture("keycloak-realm.json");
        var (auth0, auth0Tag) = CopyFixture("auth0.ndjson");
        await ImportAsync(keycloak, "keycloak");
        await ImportAsync(auth0, "auth0");
        // PBKDF2-SHA512 (Keycloak) and a $2a$ bcrypt given in Auth0's custom_password_hash shape.
        await server.CreateClient().SimpleLoginAsync(Tagged("kc-sofia@example.com", kcTag), FixturePassword);
        await server.CreateClient().SimpleLoginAsync(Tagged("auth0-custom@example.com", auth0Tag), FixturePassword);
        var wrong = await server.CreateClient().PostJsonAsync("/api/v1/auth/login",
            new { username = Tagged("kc-sofia@example.com", kcTag), password = "Imported-cobalt-Meadow-48" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Refused_records_are_reported_with_their_reasons_and_nothing_plaintext_is_stored()
    {
        var (file, tag) = CopyFixture("latchkey.json");
        await ImportAsync(file, "json");
        var report = await File.ReadAllTextAsync(file + ".report.csv");
        Assert.Contains($"{Tagged("json-plaintext@example.com", tag)},\"password hash is in no supported format", report);
        Assert.Contains("not-an-email,email address is not valid", report);
        Assert.Contains($"{Tagged("json-badrole@example.com", tag)},role 'no-such-role' does not exist", report);
        Assert.Null(await HashOfAsync(Tagged("json-plaintext@example.com", tag), required: false));

        var adaEmail = Tagged("json-ada@example.com", tag).ToUpperInvariant();
        var ada = await server.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == adaEmail));
        Assert.Equal(("json_ada_" + tag, "Ada", "Lovelace", "moderator"), (ada.Username, ada.FirstName, ada.LastName, ada.Role));
        Assert.Matches(@"^\+1\d{10}$", ada.PhoneNumber);
        Assert.True(ada.EmailVerified && ada.PhoneNumberVerified);
        Assert.Equal("pro", JsonDocument.Parse(ada.Metadata!).RootElement.GetProperty("plan").GetString());
    }

    /// <summary>
    /// Firebase's published scrypt vector (github.com/firebase/scrypt README; see FirebaseScryptHashTests) as an account
    /// of a <c>firebase auth:export</c> file: it signs in with "user1password", and that sign-in rehashes it to Argon2id.
    /// </summary>
    [Fact]
    public async Task A_firebase_export_signs_in_with_the_published_vector_and_is_rehashed()
    {
        var email = Accounts.NewEmail("firebase");
        var file = Path.Combine(Directory.CreateTempSubdirectory("latchkey-firebase-").FullName, "users.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            users = new object[]
            {
                new { localId = "u1", email, emailVerified = true, displayName = "Ada L", createdAt = "1484124142000",
                      passwordHash = "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==",
                      salt = "42xEC+ixf3L2lw==", providerUserInfo = new[] { new { providerId = "google.com", rawId = "1234567890" } } },
                new { localId = "u2", email = Accounts.NewEmail("firebase"), passwordHash = "%%%", salt = "42xEC+ixf3L2lw==" },
            },
        }));
        string[] project = ["--hash-key", "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==",
            "--salt-separator", "Bw==", "--rounds", "8", "--mem-cost", "14"];

        var missing = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "import", file, "--format", "firebase");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--hash-key", missing.Error);
        var run = await ImportAsync(file, "firebase", project);
        Assert.Contains("Imported 1, already present 0, failed 1", run.Output);
        Assert.Contains("password hash or salt is not valid base64", await File.ReadAllTextAsync(file + ".report.csv"));

        Assert.StartsWith("$firebase-scrypt$m=14,r=8$", await HashOfAsync(email));
        var wrong = await server.CreateClient().PostJsonAsync("/api/v1/auth/login", new { username = email, password = "user1passwore" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await server.CreateClient().SimpleLoginAsync(email, "user1password");
        Assert.StartsWith("$argon2id$", await HashOfAsync(email));
        var identity = await server.QueryAsync(db => db.UserIdentities.AsNoTracking().SingleAsync(i => i.ProviderUserId == "1234567890"));
        Assert.Equal("google", identity.Provider);
    }

    [Fact]
    public async Task An_interrupted_import_resumes_by_running_it_again()
    {
        var (file, _) = CopyFixture("auth0.ndjson");
        var lines = await File.ReadAllLinesAsync(file);
        // The first run stopped after one record (as a killed process would leave it).
        await File.WriteAllLinesAsync(file, lines[..1]);
        Assert.Contains("Imported 1,", (await ImportAsync(file, "auth0")).Output);
        await File.WriteAllLinesAsync(file, lines);
        var resumed = await ImportAsync(file, "auth0", "--batch-size", "1");
        Assert.Contains("Imported 1, already present 1, failed 1", resumed.Output);
    }

    [Fact]
    public async Task A_dry_run_checks_everything_and_writes_nothing()
    {
        var (file, tag) = CopyFixture("supabase-users.csv");
        var run = await ImportAsync(file, "supabase", "--dry-run");
        Assert.Contains("Dry run: would import 2, already present 0, failed 0", run.Output);
        Assert.False(await server.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail.EndsWith("@" + tag.ToUpperInvariant() + ".EXAMPLE.COM"))));
    }

    [Fact]
    public async Task Export_writes_our_JSON_without_hashes_unless_asked_and_it_imports_back_as_nothing_new()
    {
        var (csv, tag) = CopyFixture("latchkey.csv");
        await ImportAsync(csv, "csv");
        var graceEmail = Tagged("csv-grace@example.com", tag);
        var directory = Directory.CreateTempSubdirectory("latchkey-export-").FullName;
        var plain = Path.Combine(directory, "users.json");
        var export = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "export", plain);
        Assert.True(export.ExitCode == 0, export.ToString());
        var users = JsonDocument.Parse(await File.ReadAllTextAsync(plain)).RootElement.EnumerateArray().ToList();
        var grace = users.Single(u => u.GetProperty("email").GetString() == graceEmail);
        Assert.Equal("navy, cobol", grace.GetProperty("metadata").GetProperty("team").GetString());
        Assert.False(grace.TryGetProperty("passwordHash", out _));

        var withHashes = Path.Combine(directory, "users-hashes.json");
        Assert.Equal(0, (await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "export", withHashes, "--include-password-hashes")).ExitCode);
        var hashed = JsonDocument.Parse(await File.ReadAllTextAsync(withHashes)).RootElement.EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == graceEmail);
        Assert.StartsWith("$2y$", hashed.GetProperty("passwordHash").GetString());

        var back = await ImportAsync(withHashes, "json");
        Assert.Contains($"Imported 0, already present {users.Count}, failed 0", back.Output);
    }

    [Fact]
    public async Task A_bad_format_or_a_missing_file_is_a_clear_error()
    {
        var badFormat = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "import", CopyFixture("latchkey.json").File, "--format", "ldif");
        Assert.NotEqual(0, badFormat.ExitCode);
        Assert.Contains("ldif", badFormat.Error);
        var missing = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "import", "/nonexistent/users.json", "--format", "json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No such file", missing.Error);
    }

    [Fact]
    public async Task The_report_cannot_carry_a_spreadsheet_formula()
    {
        // Values from the imported file that a spreadsheet would run (OWASP CSV injection): they are refused as
        // emails, so they reach the report, where each must arrive inert (a leading ' inside quotes).
        var file = Path.Combine(Path.GetTempPath(), $"latchkey-formulas-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [{"email": "=HYPERLINK(\"https://evil.example\",\"x\")"}, {"email": "+1+cmd|' /C calc'!A0"},
             {"email": "-2+3"}, {"email": "@SUM(1,1)"}, {"email": "\tx"}]
            """);
        try
        {
            var run = await ImportAsync(file, "json");
            Assert.Equal(4, run.ExitCode);
            var lines = (await File.ReadAllLinesAsync(file + ".report.csv")).Skip(1).ToList();
            Assert.Equal(
            [
                "1,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",email address is not valid",
                "2,\"'+1+cmd|' /C calc'!A0\",email address is not valid",
                "3,\"'-2+3\",email address is not valid",
                "4,\"'@SUM(1,1)\",email address is not valid",
                "5,\"'\tx\",email address is not valid",
            ], lines);
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".report.csv");
        }
    }

    private async Task<LatchkeyCommand.Outcome> ImportAsync(string file, string format, params string[] more)
    {
        var run = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, ["users", "import", file, "--format", format, .. more]);
        Assert.True(run.ExitCode is 0 or 4, run.ToString());
        return run;
    }

    private Task<string?> HashOfAsync(string email, bool required = true) => server.QueryAsync(async db =>
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        if (required) Assert.NotNull(user);
        return user?.PasswordHash;
    });

    private static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Operations", "Fixtures");

    /// <summary>
    /// A copy of a fixture whose emails, usernames and phone numbers are made unique (the tests share one server), so
    /// each test sees its own accounts. Hashes do not depend on them.
    /// </summary>
    private static (string File, string Tag) CopyFixture(string name)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = File.ReadAllText(Path.Combine(FixtureDirectory, name))
            .Replace("@example.com", $"@{tag}.example.com", StringComparison.Ordinal)
            .Replace("json_ada", "json_ada_" + tag, StringComparison.Ordinal)
            .Replace("kc-", $"kc-{tag}-", StringComparison.Ordinal)
            .Replace("5550100", phone, StringComparison.Ordinal);
        var file = Path.Combine(Directory.CreateTempSubdirectory("latchkey-import-").FullName, name);
        File.WriteAllText(file, text);
        return (file, tag);
    }

    private static string Tagged(string email, string tag) =>
        email.Replace("kc-", $"kc-{tag}-", StringComparison.Ordinal).Replace("@example.com", $"@{tag}.example.com", StringComparison.Ordinal);
}
