using Latchkey.Api.Nube;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Core.Licensing;

namespace Latchkey.Api.OpenApi;

/// <summary>The Nube document's summaries and success bodies (each in the seed's <c>{"data", "meta"}</c> envelope).</summary>
internal static class NubeOperations
{
    private static Type One<T>() => typeof(NubeEnvelope<T>);
    private static Type List<T>() => typeof(NubeListEnvelope<T>);

    public static Dictionary<string, OperationNotes> All => new()
    {
        ["POST /v1/auth/login"] = new("Start an OAuth flow with a provider: the authorization URL, state and the verifier to send back", Response: One<LoginStarted>()),
        ["POST /v1/auth/callback"] = new("Complete the OAuth flow (code, state, verifier): session tokens", Response: One<NubeSignedIn>(), Errors: ["401", "403"]),
        ["POST /v1/auth/magic-link"] = new("Send a magic sign-in link (same answer whatever the address)", Response: One<SentMessage>()),
        ["POST /v1/auth/verify"] = new("Verify a magic link token: session tokens", Response: One<NubeSignedIn>(), Errors: ["401"]),
        ["POST /v1/auth/refresh"] = new("Refresh the access token (the refresh token rotates; reuse revokes the session)", Response: One<NubeTokens>(), Errors: ["401"]),
        ["POST /v1/auth/logout"] = new("Sign out: end this session", Response: One<LoggedOut>()),
        ["GET /v1/users/me"] = new("The current user", Response: One<NubeUser>()),
        ["PATCH /v1/users/me"] = new("Update the current user's profile", Response: One<NubeUser>()),
        ["DELETE /v1/users/me"] = new("Delete the account and its data (current password, or a recent sign-in without one)", Response: One<DeletedAccount>(), Errors: ["403", "409"]),
        ["GET /v1/users"] = new("List users (page, limit; needs users:read)", Response: List<NubeUser>(), Errors: ["403"]),
        ["GET /v1/admin/users"] = new("List users (page, limit, search; needs users:read)", Response: List<NubeUser>(), Errors: ["403"]),
        ["GET /v1/sessions"] = new("List the user's active sessions", Response: List<NubeSession>()),
        ["DELETE /v1/sessions/{id}"] = new("Revoke one of the user's sessions", Response: One<LoggedOut>(), Errors: ["404"]),
        ["DELETE /v1/sessions"] = new("Revoke all the user's sessions, this one included", Response: One<RevokedSessions>()),
        ["GET /v1/licenses/me"] = new("The current license", Response: One<LicenseOut>(), Errors: ["404"]),
        ["GET /v1/licenses/entitlements"] = new("Check entitlements: all, or one with ?feature=", Response: One<EntitlementCheck[]>(), OrResponses: [One<EntitlementCheck>()]),
        ["GET /v1/licenses/usage"] = new("Usage of the metered features in the current period", Response: One<UsageOut>(), Errors: ["404"]),
        ["POST /v1/licenses/usage"] = new("Record metered usage (idempotency key; needs licenses:manage)", SuccessStatus: 201, Response: One<UsageRecordedOut>(), Errors: ["403", "404"]),
        ["POST /v1/licenses/validate"] = new("Validate a license key (and whether a machine holds a seat)", Response: One<ValidationOut>(), Errors: ["404"]),
        ["POST /v1/licenses/activate"] = new("Activate a machine: takes a seat", SuccessStatus: 201, Response: One<ActivationOut>(), Errors: ["403", "404", "409"]),
        ["POST /v1/licenses/deactivate"] = new("Deactivate a machine: frees its seat", Response: One<Deactivated>(), Errors: ["404"]),
        ["POST /v1/licenses/token"] = new("Export the license as a signed token (verifiable offline against /.well-known/jwks.json)", Response: One<LicenseTokenOut>(), Errors: ["403", "404"]),
        ["GET /v1/admin/plans"] = new("List plans (needs licenses:manage)", Response: One<PlanOut[]>(), Errors: ["403"]),
        ["POST /v1/admin/plans"] = new("Create a plan (needs licenses:manage)", SuccessStatus: 201, Response: One<PlanOut>(), Errors: ["403", "409"]),
        ["GET /v1/admin/licenses"] = new("List licenses, optionally of one user (needs licenses:manage)", Response: List<LicenseRow>(), Errors: ["403"]),
        ["POST /v1/admin/licenses"] = new("Issue a license (the key is shown once; needs licenses:manage)", SuccessStatus: 201, Response: One<IssuedLicenseOut>(), Errors: ["403"]),
        ["PATCH /v1/admin/licenses/{id}"] = new("Change a license's status, seats or end (needs licenses:manage)", Response: One<LicenseOut>(), Errors: ["403", "404"]),
    };
}
