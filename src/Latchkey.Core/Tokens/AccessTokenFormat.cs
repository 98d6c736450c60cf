using System.Text.Json;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.Tokens;

/// <summary>
/// How one family of access tokens looks beyond the claims every token has (<c>iss</c>, <c>sub</c>,
/// <c>sid</c>, <c>iat</c>, <c>exp</c>): which signing-key purpose signs it and which claims it adds.
/// A surface whose clients expect other claims (Nhost/Hasura) supplies its own format.
/// </summary>
public abstract class AccessTokenFormat
{
    public abstract string KeyPurpose { get; }

    public abstract void WriteClaims(Utf8JsonWriter json, TokenSubject subject, Guid sessionId);
}

/// <summary>
/// The core's own access tokens: <c>email</c> and <c>role</c>, and <c>group_roles</c> (an array) when the user holds
/// Latchkey roles through groups, signed with the <c>access</c> key. The permission check of a bearer request reads
/// both claims, so it needs no database read.
/// </summary>
public sealed class DefaultAccessTokenFormat : AccessTokenFormat
{
    public static readonly DefaultAccessTokenFormat Instance = new();

    public const string GroupRolesClaim = "group_roles";

    public override string KeyPurpose => SigningKeyRing.AccessPurpose;

    public override void WriteClaims(Utf8JsonWriter json, TokenSubject subject, Guid sessionId)
    {
        json.WriteString("email", subject.Email);
        json.WriteString("role", subject.Role);
        if (subject.GroupRoles is null) return;
        json.WriteStartArray(GroupRolesClaim);
        foreach (var role in subject.GroupRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries)) json.WriteStringValue(role);
        json.WriteEndArray();
    }
}
