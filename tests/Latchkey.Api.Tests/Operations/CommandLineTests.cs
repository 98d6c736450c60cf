using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>
/// The operator's commands run as the built executable on a database of their own (SQLite or PostgreSQL, as the
/// suite runs): help, exit codes and output of migrate, admin create, keys rotate and config check.
/// </summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private Task<LatchkeyCommand.Outcome> RunAsync(params string[] args) => LatchkeyCommand.RunAsync(_database.Settings, null, args);

    [Theory]
    [InlineData(new string[0], "serve")]
    [InlineData(new[] { "serve" }, "Run the server")]
    [InlineData(new[] { "migrate" }, "--status")]
    [InlineData(new[] { "admin", "create" }, "--password-stdin")]
    [InlineData(new[] { "users", "import" }, "--dry-run")]
    [InlineData(new[] { "users", "export" }, "--include-password-hashes")]
    [InlineData(new[] { "keys", "rotate" }, "KeyRefreshInterval")]
    [InlineData(new[] { "keys", "rewrap" }, "PreviousWrappingKeys")]
    [InlineData(new[] { "config", "check" }, "secrets masked")]
    [InlineData(new[] { "health" }, "/health/ready")]
    [InlineData(new[] { "users", "import" }, "--salt-separator")]
    public async Task Every_command_has_help(string[] command, string expected)
    {
        var help = await RunAsync([.. command, "--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains(expected, help.Output);
    }

    [Fact]
    public async Task A_mistyped_command_is_refused_rather_than_served()
    {
        var run = await RunAsync("mirgate");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'mirgate' is not a command", run.Error);
    }

    [Fact]
    public async Task A_content_root_that_does_not_exist_is_one_line_not_a_stack_trace()
    {
        var run = await RunAsync("migrate", "--status", "--contentRoot", "no-such-folder-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--contentRoot: the directory", run.Error);
        Assert.Contains(Path.Combine(Path.GetTempPath(), "no-such-folder-"), run.Error); // the command runs there
        Assert.DoesNotContain(" at ", run.Error);
    }

    [Fact]
    public async Task Migrate_status_lists_pending_then_applied()
    {
        var settings = new Dictionary<string, string?>(_database.Settings) { ["Latchkey:Database:MigrateOnStart"] = "false" };
        var before = await LatchkeyCommand.RunAsync(settings, null, "migrate", "--status");
        Assert.True(before.ExitCode == 3, before.ToString());
        Assert.Contains("pending  20261122000001_Initial", before.Output);
        Assert.Contains("0 applied", before.Output);

        var migrate = await LatchkeyCommand.RunAsync(settings, null, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("Applied ", migrate.Output);

        var after = await LatchkeyCommand.RunAsync(settings, null, "migrate", "--status");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("applied  20261122000001_Initial", after.Output);
        Assert.Contains(" 0 pending.", after.Output);
        Assert.Contains("The database is up to date.", (await LatchkeyCommand.RunAsync(settings, null, "migrate")).Output);
    }

    [Fact]
    public async Task Admin_create_takes_the_password_from_stdin_and_applies_the_password_policy()
    {
        var email = Accounts.NewEmail("admin");
        var weak = await LatchkeyCommand.RunAsync(_database.Settings, "password", "admin", "create", "--email", email, "--password-stdin");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("Cannot create the administrator", weak.Error);

        var created = await LatchkeyCommand.RunAsync(_database.Settings, Accounts.Password, "admin", "create", "--email", email, "--password-stdin");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"Created administrator {email}", created.Output);

        var again = await LatchkeyCommand.RunAsync(_database.Settings, Accounts.Password, "admin", "create", "--email", email, "--password-stdin");
        Assert.Equal(1, again.ExitCode);

        var export = await RunAsync("users", "export", "-");
        var admin = JsonDocument.Parse(export.Output).RootElement.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email);
        Assert.Equal("admin", admin.GetProperty("role").GetString());
        Assert.True(admin.GetProperty("emailVerified").GetBoolean());

        var noPassword = await RunAsync("admin", "create", "--email", Accounts.NewEmail("admin"));
        Assert.Equal(2, noPassword.ExitCode);
    }

    [Fact]
    public async Task Keys_rotate_makes_a_new_key_for_each_signing_purpose()
    {
        var first = await RunAsync("keys", "rotate");
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = await RunAsync("keys", "rotate");
        var keyIds = (first.Output + second.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains("new key", StringComparison.Ordinal)).Select(l => l.Split(' ')[^1]).ToList();
        Assert.Equal(6, keyIds.Count);
        Assert.Equal(6, keyIds.Distinct().Count());
        Assert.Contains("access", first.Output);
        Assert.Contains("id-es256", first.Output);
    }

    [Fact]
    public async Task Config_check_prints_the_configuration_with_secrets_masked()
    {
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Latchkey:Admin:Email"] = "boot@example.com",
            ["Latchkey:Admin:Password"] = "granite-Orchard-71-steady-Beacon",
            ["Latchkey:DataProtection:WrappingKey"] = "q0V2pO3mC9wXh7TzLr1uYbN4sKf6aJd8eGi5Mc2vWxE=",
            ["Latchkey:DataProtection:PreviousWrappingKeys:0"] = "Zt3nW8qLp0xC5vR2mB7kJ4hY9fD1gS6aE0uI3oT8yQc=",
        };
        // config check opens no connection, so a password the test cluster would ignore shows the masking.
        if (_database.Provider == "postgres") settings["ConnectionStrings:Latchkey"] += ";Password=pg-secret-value";
        var run = await LatchkeyCommand.RunAsync(settings, null, "config", "check");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Configuration OK.", run.Output);
        Assert.Contains("Latchkey:Admin:Email = boot@example.com", run.Output);
        Assert.Contains("Latchkey:Admin:Password = ********", run.Output);
        Assert.DoesNotContain("granite-Orchard", run.Output);
        Assert.Contains("Latchkey:DataProtection:WrappingKey = ********", run.Output);
        Assert.Contains("Latchkey:DataProtection:PreviousWrappingKeys:0 = ********", run.Output);
        Assert.DoesNotContain("Zt3nW8qLp0", run.Output);
        if (_database.Provider == "postgres")
        {
            Assert.Contains("password=********", run.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pg-secret-value", run.Output);
        }
    }

    [Theory]
    [InlineData("Latchkey:Database:Provider", "oracle", "Latchkey:Database:Provider must be 'sqlite' or 'postgres'")]
    [InlineData("Latchkey:Nhost:ConcealErrors", "perhaps", "Latchkey:Nhost:ConcealErrors")]
    [InlineData("Latchkey:Admin:Password", "password", "Latchkey:Admin:Password is too weak")]
    [InlineData("Latchkey:Telemetry:OtlpProtocol", "http/json", "Latchkey:Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'")]
    public async Task Config_check_reports_a_bad_setting_with_exit_code_1(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>(_database.Settings) { ["Latchkey:Admin:Email"] = "boot@example.com", [key] = value };
        if (key != "Latchkey:Admin:Password") settings["Latchkey:Admin:Password"] = "granite-Orchard-71-steady-Beacon";
        var run = await LatchkeyCommand.RunAsync(settings, null, "config", "check");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
