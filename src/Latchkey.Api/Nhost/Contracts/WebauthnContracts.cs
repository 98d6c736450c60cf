using System.Text.Json;
using System.Text.Json.Serialization;

namespace Latchkey.Api.Nhost.Contracts;

// The spec's WebAuthn bodies. A credential is kept as raw JSON: the core's handler parses it
// (CredentialCreationResponse / CredentialAssertionResponse, as PublicKeyCredential.toJSON() gives them).

public sealed record SignUpWebauthnRequest(string? Email, SignUpOptions? Options);

public sealed record SignUpWebauthnVerifyRequest(JsonElement? Credential, SignUpOptions? Options, string? Nickname);

public sealed record SignInWebauthnRequest(string? Email);

/// <summary>SignInWebauthnVerifyRequest (also the body of <c>/elevate/webauthn/verify</c>); <c>email</c> is deprecated and unused.</summary>
public sealed record SignInWebauthnVerifyRequest(string? Email, JsonElement? Credential);

public sealed record VerifyAddSecurityKeyRequest(JsonElement? Credential, string? Nickname);

public sealed record VerifyAddSecurityKeyResponse(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nickname);
