using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Checks an authorization request in the order RFC 6749 §4.1.2.1 requires: first the client and the exact
/// redirect URI (failures shown on a page), then everything else (failures sent to the redirect URI).
/// </summary>
public sealed partial class AuthorizationRequestValidator(IOAuthClientStore clients, IdTokenHintReader hints, SignInRequestMarker signInMarker, ResourceIndicators resources)
{
    public const int MaxValueLength = 2048;

    public async Task<(AuthorizationRequest? Request, AuthorizationFailure? Failure)> ValidateAsync(
        IReadOnlyDictionary<string, string> p, IReadOnlyCollection<string> repeated, CancellationToken ct)
    {
        var clientId = p.GetValueOrDefault("client_id");
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 100 || repeated.Contains("client_id"))
            return Page("invalid_request", "client_id is missing or invalid");
        var client = await clients.FindByClientIdAsync(clientId, ct);
        if (client is null || !client.Active) return Page("invalid_client", "Unknown or inactive client");
        var redirectUri = p.GetValueOrDefault("redirect_uri");
        // Exact string comparison, no normalisation (RFC 9700 §4.1.3).
        if (redirectUri is null || repeated.Contains("redirect_uri") || !client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
            return Page("invalid_request", "redirect_uri is missing or is not registered for this client");

        var state = p.GetValueOrDefault("state");
        var mode = p.GetValueOrDefault("response_mode") ?? ResponseModes.Query;
        if (mode is not (ResponseModes.Query or ResponseModes.FormPost)) mode = ResponseModes.Query;
        AuthorizationFailure Fail((string Error, string Description) e) => new(e.Error, e.Description, redirectUri, state, mode);

        if (CheckSyntax(p, repeated, client) is { } syntax) return (null, Fail(syntax));
        var prompt = (p.GetValueOrDefault("prompt") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (prompt.Any(x => x is not ("none" or "login" or "consent" or "select_account")))
            return (null, Fail(("invalid_request", "prompt may contain none, login, consent or select_account")));
        if (prompt.Contains("none") && prompt.Count > 1) return (null, Fail(("invalid_request", "prompt=none cannot be combined with other values")));
        int? maxAge = null;
        if (p.GetValueOrDefault("max_age") is { } ma)
        {
            if (!int.TryParse(ma, System.Globalization.NumberStyles.None, null, out var seconds)) return (null, Fail(("invalid_request", "max_age must be a non-negative integer")));
            maxAge = seconds;
        }
        IdTokenHint? hint = null;
        if (p.GetValueOrDefault("id_token_hint") is { } rawHint && (hint = await hints.ReadAsync(rawHint)) is null)
            return (null, Fail(("invalid_request", "id_token_hint is not an id token issued by this server")));

        // RFC 8707 §2: the resource the token will be for, and the scopes that go with it.
        var target = await resources.ResolveAsync(client, Scopes.Parse(p["scope"])!, p.GetValueOrDefault("resource"), ct);
        if (!target.IsSuccess) return (null, Fail((target.Error.Code, target.Error.Message)));

        return (new AuthorizationRequest(client, redirectUri, target.Value.Scopes, state, p.GetValueOrDefault("nonce"), p["code_challenge"],
            mode, prompt, maxAge, p.GetValueOrDefault("login_hint"), hint,
            signInMarker.Read(p.GetValueOrDefault(SignInRequestMarker.Parameter), client.ClientId), target.Value.Resource), null);
    }

    /// <summary>The checks that need nothing but the parameters and the client: shape, response type, scope and PKCE.</summary>
    private static (string Error, string Description)? CheckSyntax(IReadOnlyDictionary<string, string> p, IReadOnlyCollection<string> repeated, OAuthClient client)
    {
        if (repeated.Count > 0) return ("invalid_request", $"Parameters must not repeat: {string.Join(", ", repeated)}");
        if (p.Values.Any(v => v.Length > MaxValueLength)) return ("invalid_request", "A parameter is too long");
        if (p.GetValueOrDefault("response_mode") is { } rm && rm is not (ResponseModes.Query or ResponseModes.FormPost))
            return ("invalid_request", "response_mode must be query or form_post");
        if (p.GetValueOrDefault("response_type") != "code") return ("unsupported_response_type", "Only response_type=code is supported");
        if (!client.Allows(GrantTypes.AuthorizationCode)) return ("unauthorized_client", "This client may not use the authorization code grant");
        if (p.ContainsKey("request")) return ("request_not_supported", "Request objects are not supported");
        if (p.ContainsKey("request_uri")) return ("request_uri_not_supported", "request_uri is not supported");

        var scopes = Scopes.Parse(p.GetValueOrDefault("scope"));
        if (scopes is null || scopes.Count == 0) return ("invalid_scope", "scope is required");
        if (scopes.FirstOrDefault(s => !client.Scopes.Contains(s)) is { } bad) return ("invalid_scope", $"Scope '{bad}' is not allowed for this client");

        var challenge = p.GetValueOrDefault("code_challenge");
        if (challenge is null) return ("invalid_request", "code_challenge is required (PKCE, RFC 7636)");
        if (p.GetValueOrDefault("code_challenge_method") != "S256") return ("invalid_request", "code_challenge_method must be S256; plain is not supported");
        if (!S256Challenge().IsMatch(challenge)) return ("invalid_request", "code_challenge must be 43 base64url characters");
        return null;
    }

    private static (AuthorizationRequest?, AuthorizationFailure?) Page(string error, string description) =>
        (null, new AuthorizationFailure(error, description, null, null, ResponseModes.Query));

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex S256Challenge();
}
