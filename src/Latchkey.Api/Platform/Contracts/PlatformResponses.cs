using Latchkey.Core.Audit;
using Latchkey.Core.Sessions;

namespace Latchkey.Api.Platform.Contracts;

public sealed record UserResponse(bool Success, PlatformUser User, string? Message = null);

public sealed record TwoFactorChallengeResponse(
    bool Success, bool RequiresTwoFactor, Guid UserId, IReadOnlyList<string> Methods, string? DefaultMethod, string ChallengeToken, DateTime ExpiresAt)
{
    public static TwoFactorChallengeResponse From(TwoFactorChallenge c) => new(true, true, c.UserId, c.Methods, c.DefaultMethod, c.Token, c.ExpiresAt);
}

public sealed record MessageResponse(bool Success, string Message);

public sealed record SessionsResponse(bool Success, IReadOnlyList<SessionView> Sessions);

public sealed record SessionView(
    Guid Id, string? IpAddress, string? UserAgent, string DeviceType, string AuthMethod,
    DateTime CreatedAt, DateTime LastActivity, DateTime ExpiresAt, bool IsCurrent)
{
    public static SessionView From(Session s, Guid? current) =>
        new(s.Id, s.IpAddress, s.UserAgent, s.DeviceType, s.AuthMethod, s.CreatedAt, s.LastActivityAt, s.ExpiresAt, s.Id == current);
}

public sealed record RevokeAllResponse(bool Success, int RevokedCount, string Message);

public sealed record PasswordChangedResponse(bool Success, string Message, int OtherSessionsRevoked);

public sealed record ActivityResponse(bool Success, IReadOnlyList<ActivityView> Activities, Pagination Pagination);

public sealed record ActivityView(Guid Id, string Type, bool Success, string? IpAddress, string? UserAgent, string? Details, DateTime CreatedAt)
{
    public static ActivityView From(ActivityEntry a) => new(a.Id, a.Type, a.Success, a.IpAddress, a.UserAgent, a.Details, a.CreatedAt);
}

public sealed record Pagination(int Page, int Limit, int Total, int TotalPages);
