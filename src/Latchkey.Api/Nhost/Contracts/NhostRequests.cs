using System.Text.Json;

namespace Latchkey.Api.Nhost.Contracts;

// Request bodies of the Nhost spec, by its schema names. Fields are nullable: a missing required field is
// a 400 invalid-request from the handler, not a binding exception.

/// <summary>SignUpOptions: what a sign-up may say about the new account.</summary>
public sealed record SignUpOptions(
    IReadOnlyList<string>? AllowedRoles,
    string? DefaultRole,
    string? DisplayName,
    string? Locale,
    JsonElement? Metadata,
    string? RedirectTo);

public sealed record SignUpEmailPasswordRequest(string? Email, string? Password, SignUpOptions? Options);

public sealed record SignInEmailPasswordRequest(string? Email, string? Password);

public sealed record SignInAnonymousRequest(string? DisplayName, string? Locale, JsonElement? Metadata);

public sealed record SignInPatRequest(string? PersonalAccessToken);

public sealed record RefreshTokenRequest(string? RefreshToken);

public sealed record VerifyTokenRequest(string? Token);

public sealed record SignOutRequest(string? RefreshToken, bool? All);

public sealed record UserDeanonymizeRequest(string? SignInMethod, string? Email, string? Password, string? Connection, SignUpOptions? Options);

public sealed record UserPasswordRequest(string? NewPassword, string? Ticket);

public sealed record CreatePatRequest(DateTimeOffset? ExpiresAt, JsonElement? Metadata);

public sealed record SignInOtpEmailRequest(string? Email, SignUpOptions? Options);

public sealed record SignInOtpEmailVerifyRequest(string? Otp, string? Email);

public sealed record SignInPasswordlessSmsRequest(string? PhoneNumber, SignUpOptions? Options);

public sealed record SignInPasswordlessSmsOtpRequest(string? PhoneNumber, string? Otp);

/// <summary>OptionsRedirectTo: where the emailed link leads.</summary>
public sealed record OptionsRedirectTo(string? RedirectTo);

public sealed record UserPasswordResetRequest(string? Email, OptionsRedirectTo? Options);

public sealed record UserEmailSendVerificationEmailRequest(string? Email, OptionsRedirectTo? Options);

public sealed record SignInPasswordlessEmailRequest(string? Email, SignUpOptions? Options);

public sealed record UserMfaRequest(string? Code, string? ActiveMfaType);

public sealed record SignInMfaTotpRequest(string? Ticket, string? Otp);

public sealed record UserEmailChangeRequest(string? NewEmail, OptionsRedirectTo? Options);
