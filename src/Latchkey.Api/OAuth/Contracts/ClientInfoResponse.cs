using System.Text.Json.Serialization;
using Latchkey.Core.OAuth;
using Latchkey.Core.Users;

namespace Latchkey.Api.OAuth.Contracts;

public sealed record ClientInfoResponse(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_name")] string ClientName,
    [property: JsonPropertyName("client_uri")] string? ClientUri,
    [property: JsonPropertyName("logo_uri")] string? LogoUri,
    [property: JsonPropertyName("first_party")] bool FirstParty,
    [property: JsonPropertyName("scopes")] IReadOnlyList<ScopeView> Scopes,
    [property: JsonPropertyName("user")] ClientInfoUser User)
{
    public static ClientInfoResponse From(OAuthClient client, IEnumerable<string> scopes, User user, Func<string, string> describe) => new(
        client.ClientId, client.Name, client.ClientUri, client.LogoUri, client.FirstParty,
        scopes.Select(s => new ScopeView(s, describe(s))).ToList(),
        new ClientInfoUser(user.Id, user.Email, user.DisplayName, user.AvatarUrl));
}

public sealed record ScopeView([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("description")] string Description);

public sealed record ClientInfoUser(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("avatar")] string? Avatar);
