using Latchkey.Api.Admin;
using Latchkey.Api.Authentication;
using Latchkey.Api.Nhost;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.Nube;
using Latchkey.Api.OAuth;
using Latchkey.Api.Platform;
using Latchkey.Api.Scim;
using Latchkey.Api.Simple;
using Latchkey.Api.Simple.Contracts;
using Microsoft.OpenApi;

namespace Latchkey.Api.OpenApi;

/// <summary>
/// The reference's documents, one per surface. A new surface (Nube, SCIM) is one more entry here naming its
/// error translator; its endpoints then land in its document, with its error shape, by that rule alone.
/// </summary>
public static class ApiDocuments
{
    private static readonly OpenApiSecurityScheme Bearer = new()
    {
        Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
        Description = "An access token from a sign-in, in `Authorization: Bearer <token>`.",
    };

    private static readonly OpenApiSecurityScheme ApiKey = new()
    {
        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = LatchkeyAuthentication.ApiKeyHeader,
        Description = "An API key created by a signed-in user.",
    };

    public static readonly ApiDocument Platform = new("platform", "Platform API",
        "The primary API under `/api`: registration, sign-in (password, passkey, magic link, second factors), sessions, "
        + "the account, OAuth clients and authorized apps, and administration under `/api/admin`. Errors are "
        + "`{\"success\": false, \"error\", \"code\"}`. Browsers use the session cookie; other clients a bearer token or an API key.",
        [typeof(PlatformErrors), typeof(AdminErrors)], ["health", "version"],
        new Dictionary<string, OpenApiSecurityScheme> { ["bearer"] = Bearer, ["apiKey"] = ApiKey },
        ["400", "401", "429", "500"])
    {
        Operations = PlatformOperations.All,
    };

    public static readonly ApiDocument OAuth = new("oauth", "OAuth 2.0 / OpenID Connect",
        "The authorization server under `/api/oauth` and its discovery documents under `/.well-known`: authorization code "
        + "with PKCE, refresh, client credentials, device flow, userinfo, introspection, revocation, end-session and dynamic "
        + "registration. Errors are RFC 6749 `{\"error\", \"error_description\"}`.",
        [typeof(OAuthErrors)], [".well-known"],
        new Dictionary<string, OpenApiSecurityScheme>
        {
            ["bearer"] = Bearer,
            ["clientSecretBasic"] = new() { Type = SecuritySchemeType.Http, Scheme = "basic", Description = "client_id and client_secret (client_secret_basic)." },
        },
        ["400", "401", "429", "500"])
    {
        Operations = OAuthOperations.All,
    };

    public static readonly ApiDocument Nhost = new("nhost", "Nhost-compatible API",
        "The Nhost Authentication API under `/v1`, as `@nhost/nhost-js` calls it (nhost-authentication-openapi.yml). "
        + "Errors are `{\"status\", \"message\", \"error\"}` with the spec's error codes.",
        [typeof(NhostErrors)], [],
        new Dictionary<string, OpenApiSecurityScheme>
        {
            ["BearerAuth"] = Bearer,
            ["BearerAuthElevated"] = new()
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "An access token of a session that proved a second factor or a security key recently (elevated).",
            },
        },
        ["default"])
    {
        Operations = NhostOperations,
    };

    public static readonly ApiDocument Simple = new("simple", "Simple API",
        "A small token API under `/api/v1/auth`: sign-in, refresh, sign-out and API keys. Errors are `{\"error\": \"message\"}`.",
        [typeof(SimpleErrors)], [],
        new Dictionary<string, OpenApiSecurityScheme> { ["bearer"] = Bearer, ["apiKey"] = ApiKey },
        ["400", "401", "429", "500"])
    {
        Operations = new Dictionary<string, OperationNotes>
        {
            ["POST /api/v1/auth/login"] = new("Sign in with a user name (or email) and password", Response: typeof(SimpleLoginResponse), Errors: ["401", "423"]),
            ["POST /api/v1/auth/refresh"] = new("Exchange a refresh token for a new access token (the refresh token rotates)", Response: typeof(SimpleRefreshResponse), Errors: ["401"]),
            ["POST /api/v1/auth/logout"] = new("Sign out: end the session", Response: typeof(SimpleMessage)),
            ["POST /api/v1/auth/keys"] = new("Create an API key (the secret is shown once)", SuccessStatus: 201, Response: typeof(CreatedKeyResponse)),
            ["GET /api/v1/auth/keys"] = new("List your API keys", Response: typeof(KeyView[])),
            ["DELETE /api/v1/auth/keys/{keyId}"] = new("Revoke an API key", SuccessStatus: 204),
        },
    };

    public static readonly ApiDocument Nube = new("nube", "Nube API",
        "The Nube Auth API under `/v1` (`/auth`, `/users`, `/sessions`, `/licenses`, `/admin`; none of them an Nhost path): "
        + "bearer sessions, the account, and licensing. Success is `{\"data\", \"meta\": {\"requestId\"}}` (lists add page, limit, "
        + "total and totalPages); errors are `{\"error\": {\"code\", \"message\", \"details\"}, \"meta\": {\"requestId\"}}` with "
        + "upper-case codes. Users send a bearer access token; servers an API key in `X-API-Key`.",
        [typeof(NubeErrors)], [],
        new Dictionary<string, OpenApiSecurityScheme> { ["bearer"] = Bearer, ["apiKey"] = ApiKey },
        ["400", "401", "429", "500"])
    {
        Operations = NubeOperations.All,
    };

    public static readonly ApiDocument Scim = new("scim", "SCIM 2.0",
        "Provisioning under `/api/scim/v2` (RFC 7643/7644): Users and Groups with filters, PATCH and ETags, and the public "
        + "discovery documents. Requests and answers are `application/scim+json`; errors are the SCIM Error schema. See docs/scim.md.",
        [typeof(ScimApiErrors)], [],
        new Dictionary<string, OpenApiSecurityScheme>
        {
            ["scimToken"] = new()
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "A SCIM token (`scim_…`) an administrator created for an OAuth client, in `Authorization: Bearer <token>`.",
            },
        },
        ["400", "401", "429", "500"])
    {
        Operations = ScimOperations,
    };

    /// <summary>Every document, in the order the reference lists them.</summary>
    public static readonly IReadOnlyList<ApiDocument> All = [Platform, OAuth, Nhost, Simple, Nube, Scim];

    /// <summary>SCIM resources are SCIM JSON documents (RFC 7643), built as JSON objects.</summary>
    private static Dictionary<string, OperationNotes> ScimOperations => new()
    {
        ["GET /api/scim/v2/ServiceProviderConfig"] = new("What this service provider supports", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["GET /api/scim/v2/ResourceTypes"] = new("The resource types (User, Group)", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["GET /api/scim/v2/ResourceTypes/{name}"] = new("One resource type", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["GET /api/scim/v2/Schemas"] = new("The schemas and the attributes stored", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["GET /api/scim/v2/Schemas/{id}"] = new("One schema", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["GET /api/scim/v2/Users"] = new("List users (filter, sortBy, startIndex, count)", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["POST /api/scim/v2/Users/.search"] = new("Search users with a SearchRequest body", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["POST /api/scim/v2/Users"] = new("Create a user", SuccessStatus: 201, Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["409"]),
        ["GET /api/scim/v2/Users/{id}"] = new("Get a user", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["404"]),
        ["PUT /api/scim/v2/Users/{id}"] = new("Replace a user", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["404", "409", "412"]),
        ["PATCH /api/scim/v2/Users/{id}"] = new("Modify a user (PatchOp)", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["404", "409", "412"]),
        ["DELETE /api/scim/v2/Users/{id}"] = new("Delete (or deactivate) a user", SuccessStatus: 204, Errors: ["404", "412"]),
        ["GET /api/scim/v2/Groups"] = new("List groups", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["POST /api/scim/v2/.search"] = new("Search users, then groups, with one SearchRequest body (no sortBy across types)", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["POST /api/scim/v2/Bulk"] = new("Run many operations in one request (BulkRequest; bulkId references)", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["413"]),
        ["POST /api/scim/v2/Groups/.search"] = new("Search groups with a SearchRequest body", Response: typeof(System.Text.Json.Nodes.JsonObject)),
        ["POST /api/scim/v2/Groups"] = new("Create a group", SuccessStatus: 201, Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["409"]),
        ["GET /api/scim/v2/Groups/{id}"] = new("Get a group", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["404"]),
        ["PUT /api/scim/v2/Groups/{id}"] = new("Replace a group", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["404", "409", "412"]),
        ["PATCH /api/scim/v2/Groups/{id}"] = new("Modify a group's name or members (PatchOp)", Response: typeof(System.Text.Json.Nodes.JsonObject), Errors: ["404", "409", "412"]),
        ["DELETE /api/scim/v2/Groups/{id}"] = new("Delete a group", SuccessStatus: 204, Errors: ["404", "412"]),
    };

    /// <summary>The spec's summaries, redirects and elevated operations (nhost-authentication-openapi.yml).</summary>
    private static Dictionary<string, OperationNotes> NhostOperations => new()
    {
        ["GET /v1/.well-known/jwks.json"] = new("Get public keys for JWT verification in JWK Set format", Response: typeof(JsonWebKeySet)),
        ["POST /v1/elevate/webauthn"] = new("Elevate access for an already signed in user using FIDO2 Webauthn", Security: "BearerAuth"),
        ["POST /v1/elevate/webauthn/verify"] = new("Verify FIDO2 Webauthn authentication using public-key cryptography for elevation", Security: "BearerAuth", Response: typeof(SessionPayload)),
        ["GET /v1/healthz"] = new("Health check (GET)", Response: typeof(string)),
        ["HEAD /v1/healthz"] = new("Health check (HEAD)"),
        ["POST /v1/link/idtoken"] = new("Link a user account with the provider's account using an id token", Security: "BearerAuthElevated", Response: typeof(string)),
        ["GET /v1/mfa/totp/generate"] = new("Generate TOTP secret", Security: "BearerAuth", Response: typeof(TotpGenerateResponse)),
        ["POST /v1/pat"] = new("Create a Personal Access Token (PAT)", Security: "BearerAuthElevated", Response: typeof(CreatePatResponse)),
        ["POST /v1/signin/anonymous"] = new("Sign in anonymously", Response: typeof(SessionPayload)),
        ["POST /v1/signin/email-password"] = new("Sign in with email and password", Response: typeof(SessionPayload)),
        ["POST /v1/signin/idtoken"] = new("Sign in with an ID token", Response: typeof(SessionPayload)),
        ["POST /v1/signin/mfa/totp"] = new("Verify TOTP for MFA", Response: typeof(SessionPayload)),
        ["POST /v1/signin/otp/email"] = new("Sign in with email OTP", Response: typeof(string)),
        ["POST /v1/signin/otp/email/verify"] = new("Verify email OTP", Response: typeof(SessionPayload)),
        ["POST /v1/signin/passwordless/email"] = new("Sign in with magic link email", Response: typeof(string)),
        ["POST /v1/signin/passwordless/sms"] = new("Sign in with SMS OTP", Response: typeof(string)),
        ["POST /v1/signin/passwordless/sms/otp"] = new("Verify SMS OTP", Response: typeof(SessionPayload)),
        ["POST /v1/signin/pat"] = new("Sign in with Personal Access Token (PAT)", Response: typeof(SessionPayload)),
        ["GET /v1/signin/provider/{provider}"] = new("Sign in with an OAuth2 provider", SuccessStatus: 302),
        ["GET /v1/signin/provider/{provider}/callback"] = new("OAuth2 provider callback endpoint", SuccessStatus: 302),
        ["POST /v1/signin/provider/{provider}/callback"] = new("OAuth2 provider callback endpoint (form_post)", SuccessStatus: 302),
        ["POST /v1/signin/webauthn"] = new("Sign in with Webauthn"),
        ["POST /v1/signin/webauthn/verify"] = new("Verify Webauthn sign-in", Response: typeof(SessionPayload)),
        ["POST /v1/signout"] = new("Sign out", Security: "BearerAuth", Response: typeof(string)),
        ["POST /v1/signup/email-password"] = new("Sign up with email and password", Response: typeof(SessionPayload)),
        ["POST /v1/signup/webauthn"] = new("Sign up with Webauthn"),
        ["POST /v1/signup/webauthn/verify"] = new("Verify Webauthn sign-up", Response: typeof(SessionPayload)),
        ["POST /v1/token"] = new("Refresh access token", Response: typeof(NhostSession)),
        ["POST /v1/token/verify"] = new("Verify JWT token", Security: "BearerAuth"),
        ["GET /v1/user"] = new("Get user information", Security: "BearerAuth", Response: typeof(NhostUser)),
        ["POST /v1/user/deanonymize"] = new("Deanonymize an anonymous user", Security: "BearerAuth", Response: typeof(string)),
        ["POST /v1/user/email/change"] = new("Change user email", Security: "BearerAuthElevated", Response: typeof(string)),
        ["POST /v1/user/email/send-verification-email"] = new("Send verification email", Response: typeof(string)),
        ["POST /v1/user/mfa"] = new("Manage multi-factor authentication", Security: "BearerAuth", Response: typeof(string)),
        ["POST /v1/user/password"] = new("Change user password", Security: "BearerAuthElevated", Response: typeof(string)),
        ["POST /v1/user/password/reset"] = new("Request password reset", Response: typeof(string)),
        ["POST /v1/user/webauthn/add"] = new("Initialize adding of a new webauthn security key", Security: "BearerAuthElevated"),
        ["POST /v1/user/webauthn/verify"] = new("Verify adding of a new webauthn security key", Security: "BearerAuthElevated"),
        ["GET /v1/verify"] = new("Verify email and authentication tickets", SuccessStatus: 302),
        ["GET /v1/version"] = new("Get service version", Response: typeof(VersionResponse)),
    };
}
