namespace Latchkey.Core.Scim;

public enum ScimGroupField { Id, DisplayName, ExternalId, Member, Created, LastModified }

/// <summary>Resolves attribute paths of the Group schema to columns.</summary>
public static class ScimGroupFields
{
    private static readonly Dictionary<string, ScimFieldInfo<ScimGroupField>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = new(ScimGroupField.Id, ScimValueKind.String, CaseExact: true, EqualityOnly: true),
        ["displayName"] = new(ScimGroupField.DisplayName, ScimValueKind.String),
        ["externalId"] = new(ScimGroupField.ExternalId, ScimValueKind.String, CaseExact: true),
        ["members"] = new(ScimGroupField.Member, ScimValueKind.String, CaseExact: true, EqualityOnly: true),
        ["members.value"] = new(ScimGroupField.Member, ScimValueKind.String, CaseExact: true, EqualityOnly: true),
        ["meta.created"] = new(ScimGroupField.Created, ScimValueKind.DateTime),
        ["meta.lastModified"] = new(ScimGroupField.LastModified, ScimValueKind.DateTime),
    };

    public static ScimFieldInfo<ScimGroupField>? Resolve(ScimAttrPath path, ScimAttrPath? parent = null)
    {
        var schema = parent?.Schema ?? path.Schema;
        if (schema is not null && !ScimSchemas.Is(schema, ScimSchemas.Group)) return null;
        var key = parent is null ? path.Name + (path.SubAttr is null ? "" : "." + path.SubAttr) : parent.Name + "." + path.Name;
        return Fields.GetValueOrDefault(key);
    }
}
