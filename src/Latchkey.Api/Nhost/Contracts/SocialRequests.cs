namespace Latchkey.Api.Nhost.Contracts;

/// <summary>SignInIdTokenRequest: an ID token from Apple's or Google's native SDK, with the sign-up options for a new account.</summary>
public sealed record SignInIdTokenRequest(string? Provider, string? IdToken, string? Nonce, SignUpOptions? Options);

/// <summary>LinkIdTokenRequest: the same token, connected to the signed-in user.</summary>
public sealed record LinkIdTokenRequest(string? Provider, string? IdToken, string? Nonce);
