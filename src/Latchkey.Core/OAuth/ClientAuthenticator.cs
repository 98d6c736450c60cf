using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Authenticates the client at the token, introspection, revocation and device endpoints with the one
/// method it registered: client_secret_basic, client_secret_post, private_key_jwt or none (public).
/// Every failure is the same <c>invalid_client</c>, so answers never tell which part was wrong.
/// </summary>
public sealed class ClientAuthenticator(IOAuthClientStore clients, ClientAssertionValidator assertions)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidClient, "Client authentication failed");

    public async Task<Result<OAuthClient>> AuthenticateAsync(ClientCredentialsInput input, CancellationToken ct)
    {
        var (method, clientId) = Classify(input);
        if (method is null) return Invalid;
        if (clientId is not { Length: > 0 and <= 100 }) return Invalid;

        var client = await clients.FindByClientIdAsync(clientId, ct);
        var ok = method switch
        {
            ClientAuthMethods.SecretBasic => ClientSecrets.Matches(client?.SecretHash, input.BasicSecret!),
            ClientAuthMethods.SecretPost => ClientSecrets.Matches(client?.SecretHash, input.FormClientSecret!),
            ClientAuthMethods.PrivateKeyJwt => client is not null && await assertions.ValidateAsync(client, input.Assertion!),
            _ => client is not null,
        };
        if (!ok || client is null || !client.Active || client.TokenEndpointAuthMethod != method) return Invalid;
        return client;
    }

    /// <summary>Which single method the request used; (null, "") when it mixed several (RFC 6749 §2.3).</summary>
    private static (string? Method, string? ClientId) Classify(ClientCredentialsInput input)
    {
        var used = (input.UsedBasic ? 1 : 0) + (input.FormClientSecret is not null ? 1 : 0) + (input.Assertion is not null ? 1 : 0);
        if (used > 1) return (null, "");
        if (input.UsedBasic)
            return input.FormClientId is null || input.FormClientId == input.BasicClientId ? (ClientAuthMethods.SecretBasic, input.BasicClientId) : (null, "");
        if (input.FormClientSecret is not null) return (ClientAuthMethods.SecretPost, input.FormClientId);
        if (input.Assertion is not null)
            return input.AssertionType == ClientCredentialsInput.JwtBearerAssertion
                ? (ClientAuthMethods.PrivateKeyJwt, ClientAssertionValidator.ReadIssuer(input.Assertion) is { } iss
                    && (input.FormClientId is null || input.FormClientId == iss) ? iss : null)
                : (null, null);
        return (ClientAuthMethods.None, input.FormClientId);
    }
}
