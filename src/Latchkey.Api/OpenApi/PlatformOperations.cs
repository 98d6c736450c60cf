using Latchkey.Api.Health;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Settings;
using AdminContracts = Latchkey.Api.Admin.Contracts;

namespace Latchkey.Api.OpenApi;

/// <summary>
/// The Platform document's success bodies (and summaries where the handler name says too little), keyed as the
/// document shows each operation. Handlers return <c>IResult</c> so they can answer errors in the surface's shape;
/// this table names what their success answers hold. <c>ApiReferenceTests</c> fails on any operation left out.
/// </summary>
internal static class PlatformOperations
{
    /// <summary>A sign-in answers the user, or a two-factor challenge when a second factor is due.</summary>
    private static readonly Type[] SignInOr = [typeof(TwoFactorChallengeResponse)];

    public static Dictionary<string, OperationNotes> All => new()
    {
        ["GET /version"] = new("Server name and version", Response: typeof(HealthEndpoints.VersionResponse)),

        ["POST /api/auth/register"] = new("Create an account", SuccessStatus: 201, Response: typeof(UserResponse), Errors: ["403", "409"]),
        ["POST /api/auth/login"] = new("Sign in with email and password (answers a two-factor challenge instead when one is required)", Response: typeof(UserResponse), Errors: ["401", "403", "423"], OrResponses: SignInOr),
        ["POST /api/auth/logout"] = new("Sign out: end this session", Response: typeof(MessageResponse)),
        ["GET /api/auth/me"] = new("The signed-in user", Response: typeof(UserResponse)),
        ["POST /api/auth/elevate"] = new("Re-authenticate to elevate this session for sensitive changes", Response: typeof(ElevatedResponse), Errors: ["423"]),
        ["POST /api/auth/magic-link"] = new("Send a magic sign-in link", Response: typeof(MessageResponse)),
        ["POST /api/auth/magic-link/verify"] = new("Sign in with a magic link token", Response: typeof(UserResponse), OrResponses: SignInOr),
        ["POST /api/auth/email-otp"] = new("Send a sign-in code by email", Response: typeof(MessageResponse)),
        ["POST /api/auth/email-otp/verify"] = new("Sign in with an emailed code", Response: typeof(UserResponse), OrResponses: SignInOr),
        ["POST /api/auth/sms-otp"] = new("Send a sign-in code by SMS", Response: typeof(MessageResponse)),
        ["POST /api/auth/sms-otp/verify"] = new("Sign in with an SMS code", Response: typeof(UserResponse), OrResponses: SignInOr),
        ["POST /api/auth/verify-email"] = new(Response: typeof(UserResponse)),
        ["POST /api/auth/resend-verification"] = new(Response: typeof(MessageResponse)),
        ["POST /api/auth/forgot-password"] = new(Response: typeof(MessageResponse)),
        ["POST /api/auth/validate-reset-token"] = new(Response: typeof(ResetTokenValidResponse)),
        ["POST /api/auth/reset-password"] = new(Response: typeof(PasswordResetResponse)),
        ["POST /api/auth/oauth/initiate"] = new("Start a social sign-in: the provider's authorization URL", Response: typeof(OAuthInitiateResponse)),
        ["GET /api/auth/oauth/callback"] = new("Social provider callback; redirects to the app", SuccessStatus: 302),
        ["POST /api/auth/oauth/callback"] = new("Social provider callback (form_post); redirects to the app", SuccessStatus: 302),
        ["POST /api/auth/oauth/idtoken"] = new("Sign in with a provider's ID token", Response: typeof(UserResponse), OrResponses: SignInOr),
        ["POST /api/auth/2fa/setup"] = new("Start setting up a second factor (TOTP secret, or a code sent by email/SMS)", Response: typeof(TotpSetupResponse), OrResponses: [typeof(CodeSentResponse)]),
        ["POST /api/auth/2fa/verify"] = new("Confirm a second factor: completes a sign-in challenge or a setup", Response: typeof(UserResponse), Errors: ["401"], OrResponses: [typeof(TwoFactorChangedResponse)]),
        ["POST /api/auth/2fa/disable"] = new(Response: typeof(TwoFactorChangedResponse)),
        ["POST /api/auth/2fa/send-code"] = new(Response: typeof(CodeSentResponse)),
        ["POST /api/auth/2fa/set-default"] = new(Response: typeof(DefaultMethodResponse)),
        ["POST /api/auth/2fa/recovery-codes"] = new("Regenerate recovery codes (the old ones stop working)", Response: typeof(RecoveryCodesResponse)),
        ["POST /api/auth/passkey/register-options"] = new(Response: typeof(PasskeyOptionsResponse)),
        ["POST /api/auth/passkey/register-verify"] = new(SuccessStatus: 201, Response: typeof(PasskeyAddedResponse)),
        ["POST /api/auth/passkey/authenticate-options"] = new(Response: typeof(PasskeyOptionsResponse)),
        ["POST /api/auth/passkey/authenticate-verify"] = new("Sign in with a passkey", Response: typeof(UserResponse), Errors: ["401", "423"], OrResponses: SignInOr),

        ["GET /api/user/passkeys"] = new("List your passkeys", Response: typeof(PasskeysResponse)),
        ["DELETE /api/user/passkeys"] = new("Remove a passkey", Response: typeof(FactorRemovedResponse)),
        ["GET /api/user/security"] = new("Your second factors, passkeys and password state", Response: typeof(SecurityResponse)),
        ["GET /api/user/sessions"] = new("List your sessions", Response: typeof(SessionsResponse)),
        ["POST /api/user/sessions/revoke-all"] = new("Sign out every other session", Response: typeof(RevokeAllResponse)),
        ["POST /api/user/password"] = new("Change your password", Response: typeof(PasswordChangedResponse)),
        ["GET /api/user/activity"] = new("Your account activity, paged", Response: typeof(ActivityResponse)),
        ["POST /api/user/email/request-change"] = new(Response: typeof(MessageResponse), Errors: ["409"]),
        ["POST /api/user/email/verify-change"] = new(Response: typeof(UserResponse)),
        ["POST /api/user/phone/send-code"] = new(Response: typeof(MessageResponse), Errors: ["409"]),
        ["POST /api/user/phone/verify"] = new(Response: typeof(UserResponse)),
        ["GET /api/user/connected-services"] = new("List linked social accounts", Response: typeof(ConnectedServicesResponse)),
        ["POST /api/user/connected-services/{provider}/connect"] = new("Link a social account: the provider's authorization URL", Response: typeof(OAuthInitiateResponse)),
        ["POST /api/user/connected-services/{provider}/idtoken"] = new("Link a social account with its ID token", Response: typeof(MessageResponse), Errors: ["409"]),
        ["DELETE /api/user/connected-services/{provider}"] = new("Unlink a social account (not the last way to sign in)", Response: typeof(MessageResponse), Errors: ["409"]),
        ["GET /api/user/authorized-apps"] = new("Applications you granted access to", Response: typeof(AuthorizedAppsResponse)),
        ["DELETE /api/user/authorized-apps/{clientId}"] = new("Revoke an application's access", Response: typeof(MessageResponse)),
        ["GET /api/user/oauth-clients"] = new("Your OAuth clients", Response: typeof(OAuthClientsResponse)),
        ["POST /api/user/oauth-clients"] = new("Register an OAuth client (the secret is shown once)", SuccessStatus: 201, Response: typeof(OAuthClientCreatedResponse)),
        ["PUT /api/user/oauth-clients/{id}"] = new("Replace an OAuth client's settings", Response: typeof(OAuthClientResponse)),
        ["PATCH /api/user/oauth-clients/{id}"] = new("Update some of an OAuth client's settings", Response: typeof(OAuthClientResponse)),
        ["DELETE /api/user/oauth-clients/{id}"] = new("Delete an OAuth client", Response: typeof(MessageResponse)),
        ["POST /api/user/oauth-clients/{id}/rotate-secret"] = new("Rotate a client secret (the old one keeps working briefly)", Response: typeof(OAuthClientSecretRotatedResponse)),

        ["GET /api/admin/oauth-clients"] = new("All OAuth clients", Response: typeof(OAuthClientsResponse)),
        ["POST /api/admin/oauth-clients"] = new("Register an OAuth client", SuccessStatus: 201, Response: typeof(OAuthClientCreatedResponse)),
        ["PUT /api/admin/oauth-clients/{id}"] = new("Replace an OAuth client's settings", Response: typeof(OAuthClientResponse)),
        ["PATCH /api/admin/oauth-clients/{id}"] = new("Update some of an OAuth client's settings", Response: typeof(OAuthClientResponse)),
        ["DELETE /api/admin/oauth-clients/{id}"] = new("Delete an OAuth client", Response: typeof(MessageResponse)),
        ["POST /api/admin/oauth-clients/{id}/rotate-secret"] = new("Rotate a client secret", Response: typeof(OAuthClientSecretRotatedResponse)),
        ["GET /api/admin/api-resources"] = new("List API resources (audiences)", Response: typeof(ApiResourcesResponse)),
        ["GET /api/admin/api-resources/{id}"] = new("Get an API resource", Response: typeof(ApiResourceResponse)),
        ["POST /api/admin/api-resources"] = new("Create an API resource", SuccessStatus: 201, Response: typeof(ApiResourceResponse)),
        ["PATCH /api/admin/api-resources/{id}"] = new("Update an API resource", Response: typeof(ApiResourceResponse)),
        ["DELETE /api/admin/api-resources/{id}"] = new("Delete an API resource", Response: typeof(MessageResponse)),
        ["POST /api/admin/oidc-keys"] = new("Rotate the OIDC signing keys", Response: typeof(OidcKeyRotatedResponse)),
        ["GET /api/admin/users"] = new("Search users, paged", Response: typeof(AdminContracts.UsersResponse)),
        ["GET /api/admin/users/{id}"] = new("A user's details", Response: typeof(AdminContracts.UserDetailResponse)),
        ["PUT /api/admin/users/{id}"] = new("Update a user (lock, unlock, roles, profile)", Response: typeof(AdminContracts.UserResponse)),
        ["DELETE /api/admin/users/{id}"] = new("Delete a user", Response: typeof(AdminContracts.AdminMessageResponse)),
        ["GET /api/admin/sessions"] = new("Search sessions, paged", Response: typeof(AdminContracts.SessionsResponse)),
        ["DELETE /api/admin/sessions/{id}"] = new("Revoke a session", Response: typeof(AdminContracts.AdminMessageResponse)),
        ["GET /api/admin/activity"] = new("Search the activity log, paged", Response: typeof(AdminContracts.ActivityResponse)),
        ["GET /api/admin/roles"] = new("List roles", Response: typeof(AdminContracts.RolesResponse)),
        ["POST /api/admin/roles"] = new("Create a role", SuccessStatus: 201, Response: typeof(AdminContracts.RoleResponse), Errors: ["409"]),
        ["PUT /api/admin/roles/{name}"] = new("Update a role", Response: typeof(AdminContracts.RoleResponse)),
        ["DELETE /api/admin/roles/{name}"] = new("Delete a role", Response: typeof(AdminContracts.AdminMessageResponse)),
        ["GET /api/admin/settings"] = new("Runtime settings", Response: typeof(AdminContracts.SettingsResponse)),
        ["PUT /api/admin/settings"] = new("Change runtime settings (send only the fields to change)", Response: typeof(AdminContracts.SettingsResponse), Request: typeof(RuntimeSettings)),
        ["GET /api/admin/stats"] = new("Usage statistics", Response: typeof(AdminContracts.StatsResponse)),
        ["GET /api/admin/webhooks"] = new("List webhooks", Response: typeof(AdminContracts.WebhooksResponse)),
        ["POST /api/admin/webhooks"] = new("Create a webhook (the secret is shown only here)", SuccessStatus: 201, Response: typeof(AdminContracts.WebhookSecretResponse)),
        ["GET /api/admin/webhooks/{id}"] = new("A webhook with its recent deliveries", Response: typeof(AdminContracts.WebhookDetailResponse)),
        ["PUT /api/admin/webhooks/{id}"] = new("Update a webhook (URL, events, active)", Response: typeof(AdminContracts.WebhookResponse)),
        ["DELETE /api/admin/webhooks/{id}"] = new("Delete a webhook and its delivery records", Response: typeof(AdminContracts.AdminMessageResponse)),
        ["POST /api/admin/webhooks/{id}/test"] = new("Send a test event now", Response: typeof(AdminContracts.WebhookTestResponse), Errors: ["409"]),
        ["POST /api/admin/webhooks/{id}/rotate-secret"] = new("Rotate the signing secret", Response: typeof(AdminContracts.WebhookSecretResponse)),
        ["GET /api/admin/webhooks/{id}/deliveries"] = new("Delivery history, filtered by status", Response: typeof(AdminContracts.WebhookDeliveriesResponse)),
        ["POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver"] = new("Send a delivery again (same webhook-id)", SuccessStatus: 202, Response: typeof(AdminContracts.AdminMessageResponse), Errors: ["409"]),
    };
}
