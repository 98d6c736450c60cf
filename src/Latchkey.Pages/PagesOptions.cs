namespace Latchkey.Pages;

/// <summary>Bound from <c>Latchkey:Pages</c>: where the sign-in page links for sign-up and password reset (hidden when unset).</summary>
public sealed class PagesOptions
{
    public string? RegisterUrl { get; set; }
    public string? ForgotPasswordUrl { get; set; }
}
