namespace Latchkey.Pages;

/// <summary>Bound from <c>Latchkey:Pages</c>: where the sign-in page links for sign-up and password reset, and the application after sign-in (each hidden when unset).</summary>
public sealed class PagesOptions
{
    public string? RegisterUrl { get; set; }
    public string? ForgotPasswordUrl { get; set; }
    /// <summary>The application the "you are signed in" page leads on to (hidden when unset).</summary>
    public string? HomeUrl { get; set; }
}
