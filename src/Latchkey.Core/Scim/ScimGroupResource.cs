using System.Text.Json.Nodes;

namespace Latchkey.Core.Scim;

/// <summary>Renders a group as a SCIM Group (RFC 7643 §4.2); members are accounts.</summary>
public static class ScimGroupResource
{
    public static JsonObject Render(ScimGroup group, IEnumerable<(Guid UserId, string Display)> members, string baseUrl)
    {
        var doc = ScimJson.Object();
        doc["schemas"] = new JsonArray(ScimSchemas.Group);
        doc["id"] = group.Id.ToString();
        doc.Put("externalId", group.ExternalId);
        doc["displayName"] = group.DisplayName;
        var list = new JsonArray();
        foreach (var (userId, display) in members)
            list.Add(new JsonObject(ScimJson.NodeOptions) { ["value"] = userId.ToString(), ["$ref"] = $"{baseUrl}/Users/{userId}", ["display"] = display, ["type"] = "User" });
        doc["members"] = list;
        doc["meta"] = ScimVersion.Meta("Group", group.CreatedAt, group.UpdatedAt, $"{baseUrl}/Groups/{group.Id}");
        return doc;
    }
}

/// <summary>What a Group document sets: its name, externalId and member account ids.</summary>
public sealed record ScimGroupInput(string DisplayName, string? ExternalId, IReadOnlyList<Guid> Members)
{
    public const int MaxMembers = 10_000;

    public static ScimGroupInput Read(JsonObject doc)
    {
        var name = ScimJson.String(doc, "displayName")?.Trim();
        if (string.IsNullOrEmpty(name)) throw Invalid("displayName is required");
        if (name.Length > ScimGroup.MaxDisplayNameLength) throw Invalid($"displayName must be at most {ScimGroup.MaxDisplayNameLength} characters");
        var externalId = ScimJson.String(doc, "externalId")?.Trim();
        if (externalId is { Length: > ScimUserProfile.MaxLength }) throw Invalid($"externalId must be at most {ScimUserProfile.MaxLength} characters");
        var members = new List<Guid>();
        foreach (var node in ScimJson.ArrayOf(doc["members"], "members") ?? [])
        {
            var member = ScimJson.ObjectOf(node, "members") ?? throw Invalid("Each member must be an object with a value");
            if (ScimJson.String(member, "type") is { } type && !type.Equals("User", StringComparison.OrdinalIgnoreCase))
                throw Invalid("Members are users: nested groups are not supported");
            if (!Guid.TryParse(ScimJson.String(member["value"], "members.value"), out var id)) throw Invalid("Each member's value must be a user id");
            members.Add(id);
        }
        if (members.Count > MaxMembers) throw new ScimInputException(ScimErrors.TooMany($"A group holds at most {MaxMembers} members"));
        return new ScimGroupInput(name, string.IsNullOrEmpty(externalId) ? null : externalId, members.Distinct().ToList());
    }

    private static ScimInputException Invalid(string message) => new(ScimErrors.InvalidValue(message));
}
