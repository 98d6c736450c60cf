using System.CommandLine;
using System.Security.Cryptography;
using Latchkey.Core.Tokens;
using Latchkey.Data.KeyRing;

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
            var rotated = await scope.ServiceProvider.GetRequiredService<SigningKeyRotation>()
                .RotateAllAsync(null, Core.Common.RequestContext.Unknown, "command line", ct);
            foreach (var (purpose, keyId) in rotated.ByPurpose) Console.WriteLine($"{purpose,-10} new key {keyId}");
            return 0;
        });
        var rewrap = new Command("rewrap", "Encrypt the stored Data Protection key ring with the current wrapping key "
            + "(Latchkey:DataProtection:WrappingKey): elements stored in clear are encrypted, elements under a key listed in "
            + "PreviousWrappingKeys are re-encrypted. The keys inside do not change, so everything they protect stays readable.");
        rewrap.SetAction(async (parse, ct) =>
        {
            await using var app = await CommandHost.StartAsync(HostArguments.From(parse), ct);
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<KeyRingRewrapper>().RewrapAsync(ct);
                Console.WriteLine($"Encrypted {outcome.Encrypted} key(s) stored in clear, re-encrypted {outcome.Rewrapped} under a previous "
                    + $"wrapping key, {outcome.AlreadyCurrent} already under the current one (wrapping key {app.Services.GetRequiredService<WrappingKeySet>().Current!.Id}).");
                if (outcome.Foreign > 0) Console.WriteLine($"Left {outcome.Foreign} key(s) encrypted by another mechanism as they are.");
                return 0;
            }
            catch (Exception ex) when (ex is WrappingKeyException or CryptographicException)
            {
                Console.Error.WriteLine($"Nothing changed: {ex.Message}");
                return 1;
            }
        });
        return new Command("keys", "Signing keys and the wrapping key of the Data Protection key ring.") { rotate, rewrap };
    }
}
