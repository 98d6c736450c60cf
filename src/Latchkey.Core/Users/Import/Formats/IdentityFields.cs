using System.Text.Json;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// Linked identities as each source writes them. Provider names are mapped to this server's provider names where the
/// source's differ for the same provider (Auth0's <c>google-oauth2</c> is our <c>google</c>); others pass unchanged,
/// and sign-in through them works once a provider of that name is configured. An identity without a provider or an
/// id is left out: it could never be matched at sign-in.
/// </summary>
internal static class IdentityFields
{
    /// <summary>Ours: <c>[{"provider", "providerUserId", "email"}]</c>.</summary>
    public static IReadOnlyList<ImportedIdentity> Latchkey(JsonElement user) => Read(user, "identities", e =>
        Identity(e.Text("provider"), Id(e, "providerUserId"), e.Text("email")));

    /// <summary>Ours in a CSV column, as JSON text; unreadable JSON is the caller's problem to report.</summary>
    public static IReadOnlyList<ImportedIdentity> LatchkeyText(string? json, Func<JsonElement, IReadOnlyList<ImportedIdentity>> read)
    {
        if (json is not { Length: > 0 }) return [];
        using var document = JsonDocument.Parse($"{{\"identities\":{json}}}");
        return read(document.RootElement);
    }

    /// <summary>
    /// Auth0's <c>identities</c>: <c>[{"provider", "user_id", "connection", "isSocial"}]</c>. The database connection's
    /// own identity (provider <c>auth0</c>) and passwordless ones (<c>email</c>, <c>sms</c>) are the account itself, not
    /// a link. Enterprise connections (not social) are named by their connection, as an operator names the OIDC or SAML
    /// provider that replaces them.
    /// </summary>
    public static IReadOnlyList<ImportedIdentity> Auth0(JsonElement user, string? email) => Read(user, "identities", e =>
    {
        var provider = e.Text("provider");
        if (provider is null or "auth0" or "email" or "sms") return null;
        var social = !e.TryGetProperty("isSocial", out var flag) || flag.ValueKind != JsonValueKind.False;
        var name = social ? Auth0Names.GetValueOrDefault(provider, provider) : e.Text("connection") ?? provider;
        return Identity(name, Id(e, "user_id"), e.TryGetProperty("profileData", out var profile) && profile.ValueKind == JsonValueKind.Object
            ? profile.Text("email") ?? email : email);
    });

    /// <summary>Keycloak's <c>federatedIdentities</c>: <c>[{"identityProvider", "userId", "userName"}]</c> (the alias is the name).</summary>
    public static IReadOnlyList<ImportedIdentity> Keycloak(JsonElement user) => Read(user, "federatedIdentities", e =>
        Identity(e.Text("identityProvider"), Id(e, "userId"), e.Text("userName") is { } name && name.Contains('@') ? name : null));

    /// <summary>
    /// Supabase <c>auth.identities</c> rows (as <c>json_agg</c> writes them): <c>provider</c>, and the provider's id in
    /// <c>provider_id</c> (newer schemas) or <c>identity_data.sub</c>; the <c>email</c> provider is the account itself.
    /// </summary>
    public static IReadOnlyList<ImportedIdentity> Supabase(JsonElement user) => Read(user, "identities", e =>
    {
        var provider = e.Text("provider");
        if (provider is null or "email" or "phone") return null;
        var data = e.TryGetProperty("identity_data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var id = Id(e, "provider_id") ?? (data.ValueKind == JsonValueKind.Object ? Id(data, "sub") : null);
        return Identity(provider, id, e.Text("email") ?? (data.ValueKind == JsonValueKind.Object ? data.Text("email") : null));
    });

    /// <summary>Firebase's <c>providerUserInfo</c>: <c>[{"providerId": "google.com", "rawId", "email"}]</c>; <c>password</c> and <c>phone</c> are the account itself.</summary>
    public static IReadOnlyList<ImportedIdentity> Firebase(JsonElement user) => Read(user, "providerUserInfo", e =>
    {
        var provider = e.Text("providerId");
        if (provider is null or "password" or "phone") return null;
        var name = provider.EndsWith(".com", StringComparison.Ordinal) ? provider[..^4] : provider;
        return Identity(name == "twitter" ? "x" : name, Id(e, "rawId"), e.Text("email"));
    });

    /// <summary>Auth0's social connection names that differ from ours for the same provider (and the same user ids).</summary>
    private static readonly Dictionary<string, string> Auth0Names = new(StringComparer.Ordinal)
    {
        ["google-oauth2"] = "google",
        ["twitter"] = "x",
    };

    private static IReadOnlyList<ImportedIdentity> Read(JsonElement user, string name, Func<JsonElement, ImportedIdentity?> map)
    {
        if (!user.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return [];
        var identities = new List<ImportedIdentity>();
        foreach (var element in array.EnumerateArray())
            if (element.ValueKind == JsonValueKind.Object && map(element) is { } identity) identities.Add(identity);
        return identities;
    }

    private static ImportedIdentity? Identity(string? provider, string? id, string? email) =>
        provider is null || id is null ? null : new ImportedIdentity(provider, id, email);

    /// <summary>An id written as a string or a number (Auth0 writes GitHub's and Facebook's ids as numbers).</summary>
    private static string? Id(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;
}
