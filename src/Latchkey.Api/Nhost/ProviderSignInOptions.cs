using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Nhost;

/// <summary>
/// The query options of <c>GET /v1/signin/provider/{provider}</c>: the sign-up options as query parameters
/// (<c>allowedRoles</c> comma-separated, <c>style: form, explode: false</c>; <c>metadata</c> a JSON-encoded object).
/// </summary>
internal static class ProviderSignInOptions
{
    private static readonly string[] SingleValued = ["displayName", "locale", "metadata", "defaultRole", "redirectTo", "connect"];

    public static Result<ProfileRequest> Read(IQueryCollection query)
    {
        // A repeated parameter is refused rather than guessed at (first? last?): redirectTo and connect decide where tokens go.
        if (SingleValued.FirstOrDefault(name => query[name].Count > 1) is { } repeated)
            return AuthError.Field(repeated, $"{repeated} may be given once");
        JsonElement? metadata = null;
        if (Single(query, "metadata") is { } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                metadata = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return AuthError.Field("metadata", "metadata must be a JSON-encoded object");
            }
        }
        IReadOnlyList<string>? roles = query.TryGetValue("allowedRoles", out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList()
            : null;
        return new ProfileRequest(Single(query, "displayName"), Single(query, "locale"), metadata, Single(query, "defaultRole"), roles);
    }

    /// <summary>A single-valued parameter (repeats are refused by <see cref="Read"/>); empty counts as absent.</summary>
    public static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
