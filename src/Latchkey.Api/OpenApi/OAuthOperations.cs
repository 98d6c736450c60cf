using Latchkey.Api.OAuth.Contracts;

namespace Latchkey.Api.OpenApi;

/// <summary>The OAuth document's success bodies and redirects, which the handlers' <c>IResult</c> hides.</summary>
internal static class OAuthOperations
{
    public static Dictionary<string, OperationNotes> All => new()
    {
        ["GET /api/oauth/authorize"] = new("Authorization request: redirects to sign-in, consent, or back to the client with a code", SuccessStatus: 302),
        ["POST /api/oauth/authorize"] = new("Authorization request (form post): redirects like the GET form", SuccessStatus: 302, Form: new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = "acme-dashboard", ["redirect_uri"] = "https://app.example.com/auth/callback",
            ["scope"] = "openid profile email offline_access", ["state"] = "af0ifjsldkj", ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ["code_challenge_method"] = "S256", ["nonce"] = "n-0S6_WzA2Mj",
        }),
        ["POST /api/oauth/authorize/consent"] = new("Grant or deny consent (hosted consent page form); redirects to the client", SuccessStatus: 302),
        ["GET /api/oauth/client-info"] = new("What the consent page shows: the client, the requested scopes and the signed-in user", Response: typeof(ClientInfoResponse)),
        ["POST /api/oauth/token"] = new("Token endpoint (RFC 6749 §3.2): authorization_code, refresh_token, client_credentials, device_code",
            Security: "clientSecretBasic", Response: typeof(TokenResponseBody), Form: new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = "SplxlOBeZQQYbYS6WxSbIA", ["redirect_uri"] = "https://app.example.com/auth/callback",
                ["code_verifier"] = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk", ["client_id"] = "acme-dashboard",
            }),
        ["POST /api/oauth/introspect"] = new("Token introspection (RFC 7662); confidential clients only", Security: "clientSecretBasic",
            Response: typeof(IntrospectionResponse), Form: new Dictionary<string, string> { ["token"] = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDk4In0.c2ln", ["token_type_hint"] = "access_token" }),
        ["POST /api/oauth/revoke"] = new("Token revocation (RFC 7009): always 200 with an empty body", Security: "clientSecretBasic",
            Form: new Dictionary<string, string> { ["token"] = "rt_5mK2pQ9vXw7LzR3tYc8bNf", ["token_type_hint"] = "refresh_token" }),
        ["GET /api/oauth/userinfo"] = new("UserInfo (OIDC Core §5.3): the claims of the access token's scopes", Security: "bearer", Response: typeof(UserInfoResponse)),
        ["POST /api/oauth/userinfo"] = new("UserInfo (form post)", Security: "bearer", Response: typeof(UserInfoResponse)),
        ["POST /api/oauth/device"] = new("Device authorization request (RFC 8628 §3.1)", Response: typeof(DeviceAuthorizationBody),
            Form: new Dictionary<string, string> { ["client_id"] = "acme-tv", ["scope"] = "openid profile offline_access" }),
        ["POST /api/oauth/device/verify"] = new("Approve or deny a device code (hosted device page form); redirects to the page", SuccessStatus: 302),
        ["GET /api/oauth/end-session"] = new("RP-initiated logout (OIDC): redirects to the logout page or the client", SuccessStatus: 302),
        ["POST /api/oauth/end-session"] = new("RP-initiated logout (form post)", SuccessStatus: 302),
        ["POST /api/oauth/register"] = new("Dynamic client registration (RFC 7591)", SuccessStatus: 201, Response: typeof(RegistrationResponse)),
        ["GET /.well-known/openid-configuration"] = new("OpenID Provider metadata (OIDC Discovery)", Response: typeof(DiscoveryDocument)),
        ["GET /.well-known/jwks.json"] = new("Public signing keys (JWK Set)", Response: typeof(JsonWebKeySet)),
    };
}
