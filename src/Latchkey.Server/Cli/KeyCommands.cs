using System.CommandLine;
using Latchkey.Core.Tokens;

namespace Latchkey.Server.Cli;

/// <summary><c>latchkey keys rotate</c>: new signing keys, old public keys kept in JWKS until their tokens expire.</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var rotate = new Command("rotate", "Rotate the token signing keys (access, id RS256, id ES256). Tokens already issued stay valid "
            + "until they expire; running servers pick the new keys up within Latchkey:Tokens:KeyRefreshInterval.");
        rotate.SetAction(async (parse, ct) =>
        {
            await using var app = await CommandHost.StartAsync(HostArguments.From(parse), ct);
            await app.Services.GetRequiredService<SigningKeyRing>().InitializeAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var rotated = await scope.ServiceProvider.GetRequiredService<SigningKeyRotation>().RotateAllAsync(ct);
            foreach (var (purpose, keyId) in rotated) Console.WriteLine($"{purpose,-10} new key {keyId}");
            return 0;
        });
        return new Command("keys", "Signing keys.") { rotate };
    }
}
