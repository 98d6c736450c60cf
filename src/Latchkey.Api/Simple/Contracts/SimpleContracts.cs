using System.Text.Json.Serialization;

namespace Latchkey.Api.Simple.Contracts;

public sealed record SimpleLoginRequest(string? Username, string? Email, string? Password);

public sealed record SimpleRefreshRequest(string? RefreshToken);

/// <summary><c>scopes</c> is Latchkey's extension to the seed's body: permission names the key is limited to (absent: the owner's full permissions).</summary>
public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string?>? Scopes);

public sealed record SimpleUser(string Id, string Username, string Email);

public sealed record SimpleLoginResponse(
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string RefreshToken,
    SimpleUser User);

public sealed record SimpleRefreshResponse(
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string RefreshToken);

public sealed record SimpleMessage(string Message);

/// <summary>The seed's fields, then <c>scopes</c> (an extension: null for a key with its owner's full permissions).</summary>
public sealed record CreatedKeyResponse(string KeyId, string ApiKey, string Name, DateTime CreatedAt, IReadOnlyList<string>? Scopes);

public sealed record KeyView(string KeyId, string Name, DateTime CreatedAt, DateTime? LastUsed, IReadOnlyList<string>? Scopes);
