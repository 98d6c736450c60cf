using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Social;

/// <summary>
/// Linked identities carried over by <c>latchkey users import</c>, from each format that has them: signing in at the
/// provider afterwards reaches the imported account, even though the provider now reports another email (so it is
/// the identity, not the email, that finds it); <c>users export</c> writes them back; and a second run changes nothing.
/// </summary>
public sealed class ImportedIdentityTests(SocialServer server) : IClassFixture<SocialServer>
{
    [Theory]
    [InlineData("json", "google")]
    [InlineData("csv", "github")]
    [InlineData("auth0", "google")]
    [InlineData("keycloak", "corp")]
    [InlineData("supabase", "github")]
    public async Task Signing_in_with_an_imported_identity_reaches_the_imported_account(string format, string provider)
    {
        var upstream = UpstreamUser.New();
        var email = Accounts.NewEmail("imported");
        var file = await WriteAsync(format, email, upstream.Sub);

        var run = await ImportAsync(file, format);
        Assert.Contains("Imported 1, already present 0, failed 0", run.Output);

        var client = server.CreateClient();
        await client.SignInWithAsync(server, provider, upstream with { Email = Accounts.NewEmail("elsewhere") });
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("user").Str("email"));

        var exported = await ExportedAsync(email);
        var identity = Assert.Single(exported.GetProperty("identities").EnumerateArray());
        Assert.Equal((provider, upstream.Sub), (identity.Str("provider"), identity.Str("providerUserId")));
        Assert.Contains("Imported 0, already present 1, failed 0", (await ImportAsync(file, format)).Output);
    }

    [Fact]
    public async Task An_identity_linked_to_another_account_is_reported_and_not_imported()
    {
        var upstream = UpstreamUser.New();
        await server.CreateClient().SignInWithAsync(server, "google", upstream);
        var file = await WriteAsync("json", Accounts.NewEmail("imported"), upstream.Sub);

        var run = await ImportAsync(file, "json");

        Assert.Contains("Imported 0, already present 1, failed 0", run.Output);
        Assert.Contains($"another account is linked to google user {upstream.Sub}", await File.ReadAllTextAsync(file + ".report.csv"));
    }

    [Fact]
    public async Task An_identity_without_a_usable_provider_name_fails_the_record()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("latchkey-identities-").FullName, "users.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new[]
        {
            new { email = Accounts.NewEmail("imported"), identities = new[] { new { provider = "two words", providerUserId = "1" } } },
        }));
        var run = await ImportAsync(file, "json");
        Assert.Contains("Imported 0, already present 0, failed 1", run.Output);
        Assert.Contains("identity provider name must be 1 to 64 characters without spaces", await File.ReadAllTextAsync(file + ".report.csv"));
    }

    /// <summary>One account linked to <paramref name="sub"/>, in the format's own words for the provider the test server knows.</summary>
    private static async Task<string> WriteAsync(string format, string email, string sub)
    {
        var directory = Directory.CreateTempSubdirectory("latchkey-identities-").FullName;
        var (name, text) = format switch
        {
            "json" => ("users.json", JsonSerializer.Serialize(new[]
            {
                new { email, emailVerified = true, identities = new[] { new { provider = "google", providerUserId = sub, email } } },
            })),
            "csv" => ("users.csv", "email,emailVerified,identities\n"
                + $"{email},true,\"[{{\"\"provider\"\":\"\"github\"\",\"\"providerUserId\"\":\"\"{sub}\"\"}}]\"\n"),
            // Auth0's user export: the database connection's own identity, then the Google one (its connection name).
            "auth0" => ("users.ndjson", JsonSerializer.Serialize(new
            {
                email, email_verified = true,
                identities = new object[]
                {
                    new { provider = "auth0", user_id = "60a1b2c3d4e5f60718293a4b", connection = "Username-Password-Authentication", isSocial = false },
                    new { provider = "google-oauth2", user_id = sub, connection = "google-oauth2", isSocial = true },
                },
            }) + "\n"),
            // Keycloak's realm export: federatedIdentities named by the identity provider's alias.
            "keycloak" => ("realm.json", JsonSerializer.Serialize(new
            {
                realm = "test",
                users = new[]
                {
                    new { username = "kc-linked", email, emailVerified = true, enabled = true,
                          federatedIdentities = new[] { new { identityProvider = "corp", userId = sub, userName = email } } },
                },
            })),
            // auth.users with the user's auth.identities rows aggregated as JSON (the email identity is the account itself).
            "supabase" => ("users.csv", "id,email,email_confirmed_at,identities\n"
                + $"6f1c0b3e-0000-4000-8000-000000000001,{email},2024-01-02 03:04:05+00,"
                + $"\"[{{\"\"provider\"\":\"\"email\"\",\"\"provider_id\"\":\"\"6f1c0b3e-0000-4000-8000-000000000001\"\"}},"
                + $"{{\"\"provider\"\":\"\"github\"\",\"\"identity_data\"\":{{\"\"sub\"\":\"\"{sub}\"\",\"\"email\"\":\"\"{email}\"\"}}}}]\"\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        var file = Path.Combine(directory, name);
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    private async Task<LatchkeyCommand.Outcome> ImportAsync(string file, string format)
    {
        var run = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "import", file, "--format", format);
        Assert.True(run.ExitCode is 0 or 4, run.ToString());
        return run;
    }

    private async Task<JsonElement> ExportedAsync(string email)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("latchkey-export-").FullName, "users.json");
        var export = await LatchkeyCommand.RunAsync(server.DatabaseSettings, null, "users", "export", file);
        Assert.True(export.ExitCode == 0, export.ToString());
        return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == email).Clone();
    }
}
