using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>An API resource as an administrator sends it; on update, a null field is left as it is.</summary>
public sealed record ApiResourceDraft(string? Identifier, string? Name, IReadOnlyList<ApiScope>? Scopes);

/// <summary>
/// Checks an API resource draft against the resource it changes and the others. Messages name the fields
/// as the Admin API spells them. Custom scope names are unique across resources, so a scope alone says
/// which resource a token is for (<see cref="ResourceIndicators"/>).
/// </summary>
public static partial class ApiResourceDraftValidator
{
    public const int MaxScopes = 50;

    public static AuthError? Apply(ApiResourceDraft draft, ApiResource resource, ApiResourceSet others, string issuer)
    {
        var identifier = draft.Identifier ?? resource.Identifier;
        if (!ResourceIndicators.IsIndicator(identifier) || !Uri.TryCreate(identifier, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "urn"))
            return Invalid("identifier must be an absolute https, http or urn URI without a fragment (at most 200 characters)");
        if (string.Equals(identifier.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal))
            return Invalid("identifier must not be this server's issuer: tokens for the server itself need no resource");
        if (others.Find(identifier) is { } same && same.Id != resource.Id) return new AuthError(AuthErrorCodes.Conflict, "An API resource with this identifier exists");

        var name = (draft.Name ?? resource.Name).Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl)) return Invalid("name is required (at most 100 characters)");

        var scopes = draft.Scopes ?? resource.Scopes;
        if (scopes.Count > MaxScopes) return Invalid($"scopes may list at most {MaxScopes} scopes");
        foreach (var scope in scopes)
        {
            if (scope?.Value is null || !ScopeName().IsMatch(scope.Value))
                return Invalid("scopes[].value must be 1-64 characters of letters, digits and : . _ / - (starting with a letter or digit)");
            if (Scopes.IsStandard(scope.Value)) return Invalid($"scopes[].value '{scope.Value}' is a standard OpenID Connect scope");
            if (scope.Description?.Trim() is not { Length: > 0 and <= 200 } d || d.Any(char.IsControl))
                return Invalid("scopes[].description is required (at most 200 characters); the consent page shows it");
            if (others.OwnerOf(scope.Value) is { } owner && owner.Id != resource.Id)
                return new AuthError(AuthErrorCodes.Conflict, $"Scope '{scope.Value}' belongs to another API resource ({owner.Identifier})");
        }
        if (scopes.Select(s => s.Value).Distinct(StringComparer.Ordinal).Count() != scopes.Count) return Invalid("scopes[].value must not repeat");

        resource.Identifier = identifier;
        resource.Name = name;
        resource.Scopes = [.. scopes.Select(s => new ApiScope(s.Value, s.Description.Trim()))];
        return null;
    }

    private static AuthError Invalid(string message) => new(AuthErrorCodes.ValidationFailed, message);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._/-]{0,63}$")]
    private static partial Regex ScopeName();
}
