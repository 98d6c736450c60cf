namespace Latchkey.Api.Platform.Contracts;

public sealed record ResetTokenValidResponse(bool Success, bool Valid, DateTime ExpiresAt);

public sealed record PasswordResetResponse(bool Success, string Message, int SessionsRevoked);
