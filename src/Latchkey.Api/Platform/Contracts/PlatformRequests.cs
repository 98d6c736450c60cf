namespace Latchkey.Api.Platform.Contracts;

/// <summary><c>redirectTo</c> (a Latchkey addition) is the page the verification link opens.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? FirstName, string? LastName, string? RedirectTo = null);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
