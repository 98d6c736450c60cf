namespace Latchkey.Api.Platform.Contracts;

/// <summary>A link's token (verify-email, validate-reset-token, verify-change, magic-link/verify).</summary>
public sealed record TokenRequest(string? Token);

public sealed record ResendVerificationRequest(string? Email, string? RedirectTo);

public sealed record ForgotPasswordRequest(string? Email, string? RedirectTo);

/// <summary><c>password</c>, or <c>newPassword</c> as in <c>POST /api/user/password</c>.</summary>
public sealed record ResetPasswordRequest(string? Token, string? Password, string? NewPassword);

public sealed record RequestEmailChangeRequest(string? NewEmail, string? Password, string? RedirectTo);

public sealed record MagicLinkRequest(string? Email, string? RedirectTo);

public sealed record EmailCodeRequest(string? Email, string? Code);

public sealed record PhoneCodeRequest(string? PhoneNumber, string? Code);
