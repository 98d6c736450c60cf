using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Authenticates the client at the token, introspection, revocation and device endpoints with the one
/// method it registered: client_secret_basic, client_secret_post, private_key_jwt or none (public).
/// Failures are the same <c>invalid_client</c> and never tell which part of a credential was wrong; only
/// a request using another method than the registered one is told which method that is (registered
/// metadata, not a secret), since that mistake is otherwise hard to find.
/// </summary>
public sealed class ClientAuthenticator(IOAuthClientStore clients, ClientAssertionValidator assertions, TimeProvider clock)
{
    private static readonly AuthError Invalid = new(AuthErrorCodes.InvalidClient, "Client authentication failed");

    public async Task<Result<OAuthClient>> AuthenticateAsync(ClientCredentialsInput input, CancellationToken ct)
    {
        var (method, clientId) = Classify(input);
        if (method is null) return Invalid;
        if (clientId is not { Length: > 0 and <= 100 }) return Invalid;

        var client = await clients.FindByClientIdAsync(clientId, ct);
        if (client is { Active: true } && client.TokenEndpointAuthMethod != method) return Mismatch(client.TokenEndpointAuthMethod, method);
        var now = clock.GetUtcNow().UtcDateTime;
        var ok = method switch
        {
            ClientAuthMethods.SecretBasic => ClientSecrets.Matches(client, input.BasicSecret!, now),
            ClientAuthMethods.SecretPost => ClientSecrets.Matches(client, input.FormClientSecret!, now),
            ClientAuthMethods.PrivateKeyJwt => client is not null && await assertions.ValidateAsync(client, input.Assertion!),
            _ => client is not null,
        };
        if (!ok || client is null || !client.Active) return Invalid;
        return client;
    }

    private static AuthError Mismatch(string registered, string used) => new(AuthErrorCodes.InvalidClient,
        $"Client authentication failed: this client is registered for {registered}, but the request used {Describe(used)}");

    private static string Describe(string method) => method == ClientAuthMethods.None ? "none (no client credentials)" : method;

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
