using Latchkey.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// Configures Identity's passkey handler from <c>Latchkey:Passkeys</c>: the RP ID and the exact
/// origins allowed, and user verification plus discoverable credentials required — that is what
/// lets a passkey stand for both factors and sign in without a user name (Conditional UI).
/// </summary>
public sealed class PasskeyHandlerSetup(IOptions<PasskeyOptions> passkeys, IOptions<LatchkeyOptions> latchkey) : IConfigureOptions<IdentityPasskeyOptions>
{
    public void Configure(IdentityPasskeyOptions options)
    {
        var settings = passkeys.Value;
        var publicUrl = Uri.TryCreate(latchkey.Value.PublicUrl, UriKind.Absolute, out var url) ? url : null;
        options.ServerDomain = string.IsNullOrWhiteSpace(settings.RelyingPartyId) ? publicUrl?.Host : settings.RelyingPartyId;
        options.UserVerificationRequirement = "required";
        options.ResidentKeyRequirement = "required";
        options.AttestationConveyancePreference = "none";
        options.AuthenticatorTimeout = settings.CeremonyLifetime;

        var origins = settings.Origins.Count > 0
            ? settings.Origins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.Ordinal)
            : publicUrl is null ? null : [publicUrl.GetLeftPart(UriPartial.Authority)];
        // Without configured origins (no PublicUrl either) the handler's default applies: the request's own origin.
        if (origins is not null)
            options.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && origins.Contains(context.Origin));
    }
}
