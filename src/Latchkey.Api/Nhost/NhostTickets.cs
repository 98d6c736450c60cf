using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost;

/// <summary>
/// The spec's tickets: <c>&lt;prefix&gt;:&lt;secret&gt;</c>, where the secret is the core's link token. The prefix
/// names the core purpose, so a ticket is only ever redeemed for what it was issued for; the deprecated
/// <c>type</c> query parameter is written into links for old clients but never trusted.
/// </summary>
public sealed record NhostTicketKind(string Prefix, string Type, string Purpose)
{
    public static readonly NhostTicketKind EmailVerify = new("verifyEmail:", "emailVerify", TicketPurposes.EmailVerification);
    public static readonly NhostTicketKind EmailConfirmChange = new("emailConfirmChange:", "emailConfirmChange", TicketPurposes.EmailChange);
    public static readonly NhostTicketKind SignInPasswordless = new("passwordlessEmail:", "signinPasswordless", TicketPurposes.MagicLink);
    public static readonly NhostTicketKind PasswordReset = new("passwordReset:", "passwordReset", TicketPurposes.PasswordReset);

    public static readonly IReadOnlyList<NhostTicketKind> All = [EmailVerify, EmailConfirmChange, SignInPasswordless, PasswordReset];

    /// <summary>The kind and the core secret of a ticket, or null for anything else.</summary>
    public static (NhostTicketKind Kind, string Secret)? Parse(string? ticket)
    {
        if (ticket is null) return null;
        foreach (var kind in All)
            if (ticket.StartsWith(kind.Prefix, StringComparison.Ordinal)) return (kind, ticket[kind.Prefix.Length..]);
        return null;
    }

    public string Ticket(string secret) => Prefix + secret;
}

/// <summary>
/// Emailed links of Nhost flows: <c>{PublicUrl}/v1/verify?ticket=…&amp;type=…&amp;redirectTo=…</c>, as Nhost mails
/// them, so a link an SDK app sends leads through <c>/v1/verify</c> back to the app. <c>redirectTo</c> was
/// checked against the allow-list by the core before the link was built.
/// </summary>
public sealed class NhostTicketLinks(IOptions<LatchkeyOptions> options) : ITicketLinkFormat
{
    public string Build(string pageUrl, IssuedTicket issued)
    {
        var kind = NhostTicketKind.All.Single(k => k.Purpose == issued.Ticket.Purpose);
        var server = (options.Value.PublicUrl ?? "http://localhost").TrimEnd('/');
        return $"{server}/v1/verify?ticket={Uri.EscapeDataString(kind.Ticket(issued.Secret))}&type={kind.Type}&redirectTo={Uri.EscapeDataString(pageUrl)}";
    }
}

public static class NhostRequestContext
{
    /// <summary>The request context of a Nhost call: emailed links take the spec's <c>/verify</c> form.</summary>
    public static RequestContext NhostContext(this HttpContext http) =>
        http.RequestContext() with { LinkFormat = http.RequestServices.GetRequiredService<NhostTicketLinks>() };
}
