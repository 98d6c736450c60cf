using System.CommandLine;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Server.Cli;

/// <summary><c>latchkey admin create</c>: an administrator account, through the same registration (and password policy) as every sign-up.</summary>
internal static class AdminCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var passwordFile = new Option<FileInfo?>("--password-file") { Description = "Read the password from this file (first line)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (first line)." };
        var firstName = new Option<string?>("--first-name") { Description = "First name." };
        var lastName = new Option<string?>("--last-name") { Description = "Last name." };
        var create = new Command("create", "Create an administrator (email verified). The password is never taken from the command line, where other users could see it.")
        {
            email, passwordFile, passwordStdin, firstName, lastName,
        };
        create.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordFile) is { } file ? FirstLine(await File.ReadAllTextAsync(file.FullName, ct))
                : parse.GetValue(passwordStdin) ? await Console.In.ReadLineAsync(ct) : null;
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("A password is required: --password-stdin or --password-file <path>.");
                return 2;
            }
            await using var app = await CommandHost.StartAsync(HostArguments.From(parse), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var account = new NewAccount(parse.GetValue(email), password, parse.GetValue(firstName), parse.GetValue(lastName),
                Roles.Admin, EmailVerified: true, Trusted: true);
            var created = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(account, RequestContext.Unknown, ct);
            if (!created.IsSuccess)
            {
                Console.Error.WriteLine($"Cannot create the administrator: {created.Error.Message} ({created.Error.Code}).");
                return 1;
            }
            Console.WriteLine($"Created administrator {created.Value.Email} ({created.Value.Id}).");
            return 0;
        });
        return new Command("admin", "Administrator accounts.") { create };
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
