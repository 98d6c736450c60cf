namespace Latchkey.Core.OAuth;

/// <summary>What the authorize endpoint does next.</summary>
public enum AuthorizationStep
{
    /// <summary>Send the browser to the sign-in page, then back.</summary>
    Login,
    /// <summary>Ask the user on the consent page.</summary>
    Consent,
    /// <summary>Redirect to the client with <see cref="AuthorizationDecision.Code"/>.</summary>
    Code,
    /// <summary>Redirect to the client with <see cref="AuthorizationDecision.Failure"/> (prompt=none).</summary>
    Error,
}

public sealed record AuthorizationDecision(AuthorizationStep Step, string? Code = null, AuthorizationFailure? Failure = null);
