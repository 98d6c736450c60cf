using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>An OAuth client as its console form holds it: what is shown, and what was typed when a change is refused.</summary>
public sealed record ClientForm(string? Name, string RedirectUris, IReadOnlyList<string> GrantTypes, string AuthMethod, bool FirstParty, bool Active)
{
    public static readonly ClientForm Empty = new(null, "", [Core.OAuth.GrantTypes.AuthorizationCode], ClientAuthMethods.SecretBasic, false, true);

    public static ClientForm Of(OAuthClient c) =>
        new(c.Name, string.Join("\n", c.RedirectUris), c.GrantTypes, c.TokenEndpointAuthMethod, c.FirstParty, c.Active);

    public static ClientForm From(IFormCollection form) => new(
        AdminQuery.Value(form["name"]), form["redirectUris"].ToString(),
        form["grantTypes"].Where(g => g is not null).Select(g => g!).ToList(),
        AdminQuery.Value(form["tokenEndpointAuthMethod"]) ?? ClientAuthMethods.SecretBasic, form["firstParty"] == "true", form["active"] == "true");

    /// <summary>The metadata the service validates (redirect URIs one per line).</summary>
    public ClientDraft Draft() => new(Name,
        RedirectUris.Split('\n').Select(u => u.Trim()).Where(u => u.Length > 0).ToList(), GrantTypes: GrantTypes, TokenEndpointAuthMethod: AuthMethod);
}
