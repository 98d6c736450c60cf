using System.Text.Json;

namespace Latchkey.Api.Nube.Contracts;

/// <summary><c>POST /auth/login</c>: the provider to sign in with and the app page the provider sends the browser back to.</summary>
public sealed record LoginRequest(string? Provider, string? RedirectUri);

/// <summary><c>POST /auth/callback</c>: what the provider returned to the app page, and the verifier <c>/auth/login</c> gave.</summary>
public sealed record CallbackRequest(string? Code, string? State, string? CodeVerifier, string? Error, string? ErrorDescription);

public sealed record MagicLinkRequest(string? Email, string? RedirectTo);

public sealed record VerifyRequest(string? Token);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary><c>PATCH /users/me</c>: fields left out stay as they are.</summary>
public sealed record UpdateMeRequest(string? FirstName, string? LastName, string? DisplayName, string? Locale, JsonElement? Metadata);

/// <summary>
/// <c>DELETE /users/me</c>: the account's current password, its proof. An account without a password (social or
/// magic-link only) proves it with a recent sign-in of the session instead and may send no body.
/// </summary>
public sealed record DeleteMeRequest(string? CurrentPassword);
