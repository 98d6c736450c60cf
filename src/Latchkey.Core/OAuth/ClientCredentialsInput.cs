namespace Latchkey.Core.OAuth;

/// <summary>
/// What a request offers to authenticate a client (RFC 6749 §2.3, RFC 7523 §2.2): the parsed Basic header,
/// the form's client_id/client_secret, or a client assertion.
/// </summary>
public sealed record ClientCredentialsInput(
    string? BasicClientId,
    string? BasicSecret,
    string? FormClientId,
    string? FormClientSecret,
    string? AssertionType,
    string? Assertion)
{
    public const string JwtBearerAssertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public bool UsedBasic => BasicClientId is not null;
}
