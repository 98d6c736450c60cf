namespace Latchkey.Core.OAuth;

/// <summary>
/// A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1).
/// <see cref="SignInRequestedAt"/>: when this request sent the browser to sign in (see <see cref="SignInRequestMarker"/>).
/// </summary>
public sealed record AuthorizationRequest(
    OAuthClient Client,
    string RedirectUri,
    IReadOnlyList<string> Scopes,
    string? State,
    string? Nonce,
    string CodeChallenge,
    string ResponseMode,
    IReadOnlySet<string> Prompt,
    int? MaxAge,
    string? LoginHint,
    IdTokenHint? IdTokenHint,
    DateTime? SignInRequestedAt = null,
    ApiResource? Resource = null)
{
    public string Scope => OAuth.Scopes.Join(Scopes);
}

public static class ResponseModes
{
    public const string Query = "query";
    public const string FormPost = "form_post";
}

/// <summary>
/// Why a request failed. <see cref="RedirectUri"/> is set only once client and redirect URI are verified:
/// before that the error is shown on a page and never sent anywhere (RFC 6749 §4.1.2.1).
/// </summary>
public sealed record AuthorizationFailure(string Error, string Description, string? RedirectUri, string? State, string ResponseMode);
