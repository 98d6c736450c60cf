using System.Globalization;
using System.Text.Json.Nodes;

namespace Latchkey.Core.Scim;

/// <summary>Renders an account as a SCIM User (RFC 7643 §4.1) with the Enterprise extension when it has any of its attributes.</summary>
public static class ScimUserResource
{
    public static string Version(DateTime updatedAt) => ScimVersion.Of(updatedAt);

    public static JsonObject Render(ScimUserRecord record, IEnumerable<(Guid Id, string DisplayName)> groups, string baseUrl)
    {
        var (user, p, account) = record;
        var doc = ScimJson.Object();
        var schemas = new JsonArray(ScimSchemas.User);
        doc["schemas"] = schemas;
        doc["id"] = user.Id.ToString();
        doc.Put("externalId", p?.ExternalId);
        doc["userName"] = user.Username ?? user.Email;
        var name = ScimJson.Object();
        name.Put("formatted", user.ProfileName is { } shown && user.ChosenDisplayName != shown ? shown : Formatted(user.FirstName, user.LastName));
        name.Put("familyName", user.LastName);
        name.Put("givenName", user.FirstName);
        name.Put("middleName", p?.MiddleName);
        name.Put("honorificPrefix", p?.HonorificPrefix);
        name.Put("honorificSuffix", p?.HonorificSuffix);
        if (name.Count > 0) doc["name"] = name;
        doc.Put("displayName", user.ChosenDisplayName);
        doc.Put("nickName", p?.NickName);
        doc.Put("profileUrl", p?.ProfileUrl);
        doc.Put("title", account?.JobTitle);
        doc.Put("userType", p?.UserType);
        doc.Put("preferredLanguage", p?.PreferredLanguage);
        doc.Put("locale", ScimLocale.Shown(p?.Locale, user.Locale));
        doc.Put("timezone", account?.TimeZone);
        doc["active"] = !user.Disabled;
        doc["emails"] = new JsonArray(new JsonObject(ScimJson.NodeOptions)
        {
            ["value"] = user.Email, ["type"] = p?.EmailType ?? "work", ["primary"] = true,
        });
        if (user.PhoneNumber is { } phone)
            doc["phoneNumbers"] = new JsonArray(new JsonObject(ScimJson.NodeOptions) { ["value"] = phone, ["type"] = p?.PhoneType ?? "work", ["primary"] = true });
        var groupArray = new JsonArray();
        foreach (var (id, display) in groups)
            groupArray.Add(new JsonObject(ScimJson.NodeOptions) { ["value"] = id.ToString(), ["$ref"] = $"{baseUrl}/Groups/{id}", ["display"] = display, ["type"] = "direct" });
        if (groupArray.Count > 0) doc["groups"] = groupArray;
        if (Enterprise(p) is { Count: > 0 } enterprise)
        {
            schemas.Add(ScimSchemas.EnterpriseUser);
            doc[ScimSchemas.EnterpriseUser] = enterprise;
        }
        doc["meta"] = ScimVersion.Meta("User", user.CreatedAt, user.UpdatedAt, $"{baseUrl}/Users/{user.Id}");
        return doc;
    }

    private static JsonObject? Enterprise(ScimUserProfile? p)
    {
        if (p is null) return null;
        var ext = ScimJson.Object();
        ext.Put("employeeNumber", p.EmployeeNumber);
        ext.Put("costCenter", p.CostCenter);
        ext.Put("organization", p.Organization);
        ext.Put("division", p.Division);
        ext.Put("department", p.Department);
        if (p.ManagerId is { } manager) ext["manager"] = new JsonObject(ScimJson.NodeOptions) { ["value"] = manager };
        return ext;
    }

    private static string? Formatted(string? given, string? family) =>
        string.Join(' ', new[] { given, family }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } joined ? joined : null;
}

/// <summary>Resource versions (RFC 7644 §3.14): a weak ETag derived from the last-modified instant, which every change moves.</summary>
public static class ScimVersion
{
    public static string Of(DateTime updatedAt) => $"W/\"{updatedAt.Ticks.ToString("x", CultureInfo.InvariantCulture)}\"";

    public static JsonObject Meta(string resourceType, DateTime created, DateTime updated, string location) => new(ScimJson.NodeOptions)
    {
        ["resourceType"] = resourceType,
        ["created"] = created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["lastModified"] = updated.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["location"] = location,
        ["version"] = Of(updated),
    };

    /// <summary>True when an <c>If-Match</c> value allows a change to a resource at <paramref name="current"/> (any listed tag, or *).</summary>
    public static bool Matches(string? ifMatch, string current) =>
        ifMatch is null || ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == current || "W/" + t == current);
}
