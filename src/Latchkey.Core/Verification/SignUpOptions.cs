namespace Latchkey.Core.Verification;

/// <summary>Bound from <c>Latchkey:SignUp</c>: who may create an account, and where links may lead.</summary>
public sealed class SignUpOptions
{
    /// <summary>False closes self-service sign-up (password and passwordless); admins still create accounts.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When true, password sign-in is refused until the address is verified.</summary>
    public bool RequireEmailVerification { get; set; }

    /// <summary>When not empty, only these domains (and their subdomains) may sign up.</summary>
    public List<string> AllowedEmailDomains { get; set; } = [];

    /// <summary>
    /// Where links may lead (<c>redirectTo</c>). An entry with a path matches that URL exactly; an origin
    /// (<c>https://app.example.com</c>) matches any path on it. The server's own origin is always allowed.
    /// </summary>
    public List<string> AllowedRedirectUrls { get; set; } = [];
}
