using System.Text.Json.Nodes;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// Runs the WebAuthn ceremonies with ASP.NET Core Identity's <see cref="IPasskeyHandler{TUser}"/>
/// (attestation and assertion verification per WebAuthn L3) and keeps the handler's state in a
/// single-use <see cref="AuthChallenge"/>, so any node can finish what another began.
/// </summary>
public sealed class PasskeyCeremonies(
    IPasskeyHandler<User> handler,
    ChallengeTickets tickets,
    IPasskeyStore passkeys,
    IOptions<PasskeyOptions> options,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    public static readonly AuthError InvalidChallenge = new(AuthErrorCodes.InvalidChallenge,
        "The passkey challenge is invalid or expired; request new options");

    /// <summary>
    /// Creation options for <paramref name="user"/>, excluding the passkeys they already have. For
    /// <see cref="ChallengeKinds.PasskeySignUp"/> the user is not saved yet: its id and email live only in the
    /// ticket's server-side state (the handler's user entity), so the ticket names no user row.
    /// </summary>
    public async Task<PasskeyCeremony> BeginRegistrationAsync(User user, HttpContext http, string kind = ChallengeKinds.PasskeyRegistration)
    {
        var entity = new PasskeyUserEntity { Id = user.Id.ToString(), Name = user.Email, DisplayName = user.DisplayName };
        var created = await handler.MakeCreationOptionsAsync(entity, http);
        var json = JsonNode.Parse(created.CreationOptionsJson)!;
        // The handler names the RP after its domain; authenticators show this name to the user.
        json["rp"]!["name"] = string.IsNullOrWhiteSpace(options.Value.RelyingPartyName) ? latchkey.Value.ProductName : options.Value.RelyingPartyName;
        return Issue(kind, kind == ChallengeKinds.PasskeySignUp ? null : user.Id, created.AttestationState, json);
    }

    /// <summary>Verifies an attestation against the ticket; the new passkey is added to the unit of work.</summary>
    public async Task<Result<Passkey>> FinishRegistrationAsync(Guid userId, string? token, string? credentialJson, string? name, HttpContext http, CancellationToken ct)
    {
        var attested = await AttestAsync(ChallengeKinds.PasskeyRegistration, token, credentialJson, name, http, ct);
        if (!attested.IsSuccess) return attested.Error;
        var (passkey, _) = attested.Value;
        if (passkey.UserId != userId) return InvalidChallenge;
        if (await passkeys.CountForUserAsync(userId, ct) >= PasskeyOptions.MaxPasskeysPerUser)
            return AuthError.Validation($"A user can hold at most {PasskeyOptions.MaxPasskeysPerUser} passkeys; delete one first");
        passkeys.Add(passkey);
        return passkey;
    }

    /// <summary>
    /// Verifies the attestation of a sign-up ceremony: the passkey of an account that does not exist yet
    /// (its id was fixed when the options were made) and the email the options were made for. Nothing is
    /// added: the caller creates the account first.
    /// </summary>
    public Task<Result<(Passkey Passkey, string Email)>> FinishSignUpAsync(string? token, string? credentialJson, string? name, HttpContext http, CancellationToken ct) =>
        AttestAsync(ChallengeKinds.PasskeySignUp, token, credentialJson, name, http, ct);

    private async Task<Result<(Passkey Passkey, string Email)>> AttestAsync(
        string kind, string? token, string? credentialJson, string? name, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return AuthError.Field("credential", "credential is required");
        var checkedName = PasskeyNames.Check(name);
        if (!checkedName.IsSuccess) return checkedName.Error;
        var displayName = checkedName.Value;

        var challenge = await tickets.RedeemAsync(token, kind, ct);
        if (challenge is null) return InvalidChallenge;
        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext
        {
            HttpContext = http,
            CredentialJson = credentialJson,
            AttestationState = challenge.State,
        });
        if (!result.Succeeded) return Rejected(result.Failure);
        if (!Guid.TryParse(result.UserEntity.Id, out var userId) || (challenge.UserId is { } owner && owner != userId)) return InvalidChallenge;

        var passkey = PasskeyMapping.FromInfo(userId, result.Passkey, displayName);
        passkey.CreatedAt = clock.GetUtcNow().UtcDateTime;
        return (passkey, result.UserEntity.Name);
    }

    /// <summary>Request options for a discoverable credential: no user name needed (Conditional UI).</summary>
    public async Task<PasskeyCeremony> BeginAssertionAsync(HttpContext http)
    {
        var requested = await handler.MakeRequestOptionsAsync(null, http);
        return Issue(ChallengeKinds.PasskeyAssertion, null, requested.AssertionState, JsonNode.Parse(requested.RequestOptionsJson)!);
    }

    /// <summary>Verifies an assertion against the ticket; the passkey's counter and last use are updated (tracked).</summary>
    public async Task<Result<(User User, Passkey Passkey)>> FinishAssertionAsync(string? token, string? credentialJson, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return AuthError.Field("credential", "credential is required");
        var challenge = await tickets.RedeemAsync(token, ChallengeKinds.PasskeyAssertion, ct);
        if (challenge is null) return InvalidChallenge;
        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = http,
            CredentialJson = credentialJson,
            AssertionState = challenge.State,
        });
        if (!result.Succeeded) return Rejected(result.Failure);

        var passkey = await passkeys.FindAsync(result.User.Id, result.Passkey.CredentialId, ct);
        if (passkey is null) return Rejected(null);
        PasskeyMapping.ApplyAssertion(passkey, result.Passkey);
        passkey.LastUsedAt = clock.GetUtcNow().UtcDateTime;
        return (result.User, passkey);
    }

    /// <summary>
    /// The ticket's token is the WebAuthn challenge itself (256 random bits from the handler): it comes back
    /// signed inside <c>clientDataJSON</c>, so clients that send only the credential (Nhost) still name
    /// their ceremony, and a challenge can be redeemed once.
    /// </summary>
    private PasskeyCeremony Issue(string kind, Guid? userId, string? state, JsonNode json)
    {
        var challenge = json["challenge"]?.GetValue<string>();
        var (token, expiresAt) = tickets.Issue(kind, userId, state, options.Value.CeremonyLifetime, challenge);
        return new PasskeyCeremony(json, token, expiresAt);
    }

    private static AuthError Rejected(PasskeyException? failure) =>
        new(AuthErrorCodes.PasskeyRejected, "The passkey could not be verified",
            failure is null ? null : new Dictionary<string, string> { ["reason"] = failure.Message });
}
