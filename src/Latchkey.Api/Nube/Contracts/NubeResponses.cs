using System.Text.Json;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Api.Nube.Contracts;

public sealed record LoginStarted(string Provider, string AuthorizationUrl, string State, string CodeVerifier, DateTime ExpiresAt);

public sealed record NubeTokens(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, Guid SessionId);

public sealed record NubeSignedIn(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, Guid SessionId, NubeSubject User);

/// <summary>Who the tokens are for, as the session knows it (no extra read); <c>GET /users/me</c> has the full profile.</summary>
public sealed record NubeSubject(Guid Id, string Email, string? Username, string Role)
{
    public static NubeSubject From(TokenSubject s) => new(s.UserId, s.Email, s.Username, s.Role);
}

public sealed record SentMessage(bool Sent, string Message);

public sealed record LoggedOut(Guid SessionId);

public sealed record RevokedSessions(int Revoked);

/// <summary><c>DELETE /users/me</c>: the account and its data are gone.</summary>
public sealed record DeletedAccount(Guid Id, bool Deleted);

public sealed record NubeUser(
    Guid Id, string Email, bool EmailVerified, string? Username, string? FirstName, string? LastName, string DisplayName,
    string? AvatarUrl, string? PhoneNumber, string? Locale, JsonElement? Metadata, string Role, bool Anonymous,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? LastSignInAt)
{
    public static NubeUser From(User u) => new(
        u.Id, u.Email, u.EmailVerified, u.Username, u.FirstName, u.LastName, u.DisplayName, u.AvatarUrl, u.PhoneNumber, u.Locale,
        u.Metadata is null ? null : JsonDocument.Parse(u.Metadata).RootElement.Clone(), u.Role, u.IsAnonymous,
        u.CreatedAt, u.UpdatedAt, u.LastSignInAt);
}

public sealed record NubeSession(
    Guid Id, string AuthMethod, string DeviceType, string? IpAddress, string? UserAgent,
    DateTime CreatedAt, DateTime LastActivityAt, DateTime ExpiresAt, bool Current)
{
    public static NubeSession From(Session s, Guid? current) =>
        new(s.Id, s.AuthMethod, s.DeviceType, s.IpAddress, s.UserAgent, s.CreatedAt, s.LastActivityAt, s.ExpiresAt, s.Id == current);
}
