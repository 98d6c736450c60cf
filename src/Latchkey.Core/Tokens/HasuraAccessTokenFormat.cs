using System.Text.Json;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tokens;

/// <summary>
/// Access tokens for Hasura, as Nhost issues them: the claims live under a namespace
/// (<c>https://hasura.io/jwt/claims</c> by default) with <c>x-hasura-allowed-roles</c> (an array),
/// <c>x-hasura-default-role</c>, <c>x-hasura-user-id</c> and <c>x-hasura-user-is-anonymous</c> as the
/// string "true"/"false" (Hasura session variables are strings). No email: Nhost's SDK decodes the
/// payload with <c>atob</c>, so the payload must stay plain ASCII (see docs/nhost.md).
/// </summary>
public sealed class HasuraAccessTokenFormat(IOptions<HasuraJwtOptions> jwt, IOptions<UserDefaultsOptions> defaults) : AccessTokenFormat
{
    /// <summary>Nhost's elevation claim: the user's id, in tokens issued right after a security-key challenge.</summary>
    public const string ElevatedClaim = "x-hasura-auth-elevated";

    private bool _elevated;
    private HasuraAccessTokenFormat? _elevatedFormat;

    public override string KeyPurpose => HasuraJwtOptions.KeyPurpose;

    /// <summary>The same format plus <see cref="ElevatedClaim"/> (Nhost keeps it for the token's life; refreshes drop it).</summary>
    public HasuraAccessTokenFormat Elevated => _elevated ? this : _elevatedFormat ??= new HasuraAccessTokenFormat(jwt, defaults) { _elevated = true };

    public string ClaimsNamespace => jwt.Value.ClaimsNamespace;

    public override void WriteClaims(Utf8JsonWriter json, TokenSubject subject, Guid sessionId)
    {
        var source = new TokenRoleSource(subject.IsAnonymous, subject.DefaultRole, subject.AllowedRoles);
        json.WriteStartObject(jwt.Value.ClaimsNamespace);
        json.WriteStartArray("x-hasura-allowed-roles");
        foreach (var role in UserRoles.AllowedFor(source, defaults.Value)) json.WriteStringValue(role);
        json.WriteEndArray();
        json.WriteString("x-hasura-default-role", UserRoles.DefaultFor(source, defaults.Value));
        json.WriteString("x-hasura-user-id", subject.UserId);
        json.WriteString("x-hasura-user-is-anonymous", subject.IsAnonymous ? "true" : "false");
        if (_elevated) json.WriteString(ElevatedClaim, subject.UserId);
        json.WriteEndObject();
    }
}
