using System.Text.Json.Serialization;

namespace Latchkey.Api.Simple.Contracts;

public sealed record SimpleLoginRequest(string? Username, string? Email, string? Password);

public sealed record SimpleRefreshRequest(string? RefreshToken);

public sealed record CreateKeyRequest(string? Name);

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

public sealed record CreatedKeyResponse(string KeyId, string ApiKey, string Name, DateTime CreatedAt);

public sealed record KeyView(string KeyId, string Name, DateTime CreatedAt, DateTime? LastUsed);
