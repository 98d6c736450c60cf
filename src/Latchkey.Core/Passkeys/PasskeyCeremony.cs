using System.Text.Json.Nodes;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// The options a browser passes to <c>navigator.credentials.create/get</c> (WebAuthn JSON form), and
/// the single-use ticket that must come back with the credential.
/// </summary>
public sealed record PasskeyCeremony(JsonNode Options, string ChallengeToken, DateTime ExpiresAt);
