namespace Latchkey.Core.Scim;

/// <summary>The user attributes a filter or <c>sortBy</c> may name, each backed by one column.</summary>
public enum ScimUserField
{
    Id, UserName, ExternalId, DisplayName, GivenName, FamilyName, MiddleName, NickName, Title, UserType,
    Locale, Timezone, PreferredLanguage, Active, Email, EmailType, EmailPrimary, Phone, PhoneType,
    Created, LastModified, EmployeeNumber, CostCenter, Organization, Division, Department, ManagerId,
}

public enum ScimValueKind { String, Boolean, DateTime }

/// <summary>A filterable attribute: its column, the kind of value it holds, and whether strings compare case-exactly (RFC 7643 §7).</summary>
/// <remarks><paramref name="EqualityOnly"/>: identifiers held as UUIDs, where only eq, ne and pr mean anything.</remarks>
public sealed record ScimFieldInfo<TField>(TField Field, ScimValueKind Kind, bool CaseExact = false, bool EqualityOnly = false) where TField : struct, Enum;

/// <summary>Resolves attribute paths of the User schema and its Enterprise extension to columns.</summary>
public static class ScimUserFields
{
    private static readonly Dictionary<string, ScimFieldInfo<ScimUserField>> Core = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = new(ScimUserField.Id, ScimValueKind.String, CaseExact: true, EqualityOnly: true),
        ["userName"] = new(ScimUserField.UserName, ScimValueKind.String),
        ["externalId"] = new(ScimUserField.ExternalId, ScimValueKind.String, CaseExact: true),
        ["displayName"] = new(ScimUserField.DisplayName, ScimValueKind.String),
        ["name.givenName"] = new(ScimUserField.GivenName, ScimValueKind.String),
        ["name.familyName"] = new(ScimUserField.FamilyName, ScimValueKind.String),
        ["name.middleName"] = new(ScimUserField.MiddleName, ScimValueKind.String),
        ["nickName"] = new(ScimUserField.NickName, ScimValueKind.String),
        ["title"] = new(ScimUserField.Title, ScimValueKind.String),
        ["userType"] = new(ScimUserField.UserType, ScimValueKind.String),
        ["locale"] = new(ScimUserField.Locale, ScimValueKind.String),
        ["timezone"] = new(ScimUserField.Timezone, ScimValueKind.String),
        ["preferredLanguage"] = new(ScimUserField.PreferredLanguage, ScimValueKind.String),
        ["active"] = new(ScimUserField.Active, ScimValueKind.Boolean),
        ["emails"] = new(ScimUserField.Email, ScimValueKind.String),
        ["emails.value"] = new(ScimUserField.Email, ScimValueKind.String),
        ["emails.type"] = new(ScimUserField.EmailType, ScimValueKind.String),
        ["emails.primary"] = new(ScimUserField.EmailPrimary, ScimValueKind.Boolean),
        ["phoneNumbers"] = new(ScimUserField.Phone, ScimValueKind.String),
        ["phoneNumbers.value"] = new(ScimUserField.Phone, ScimValueKind.String),
        ["phoneNumbers.type"] = new(ScimUserField.PhoneType, ScimValueKind.String),
        ["meta.created"] = new(ScimUserField.Created, ScimValueKind.DateTime),
        ["meta.lastModified"] = new(ScimUserField.LastModified, ScimValueKind.DateTime),
    };

    private static readonly Dictionary<string, ScimFieldInfo<ScimUserField>> Enterprise = new(StringComparer.OrdinalIgnoreCase)
    {
        ["employeeNumber"] = new(ScimUserField.EmployeeNumber, ScimValueKind.String),
        ["costCenter"] = new(ScimUserField.CostCenter, ScimValueKind.String),
        ["organization"] = new(ScimUserField.Organization, ScimValueKind.String),
        ["division"] = new(ScimUserField.Division, ScimValueKind.String),
        ["department"] = new(ScimUserField.Department, ScimValueKind.String),
        ["manager"] = new(ScimUserField.ManagerId, ScimValueKind.String, CaseExact: true),
        ["manager.value"] = new(ScimUserField.ManagerId, ScimValueKind.String, CaseExact: true),
    };

    /// <summary>The field for <paramref name="path"/>, read inside <paramref name="parent"/>'s value filter when given; null when not filterable.</summary>
    public static ScimFieldInfo<ScimUserField>? Resolve(ScimAttrPath path, ScimAttrPath? parent = null)
    {
        var schema = parent?.Schema ?? path.Schema;
        var key = parent is null
            ? path.Name + (path.SubAttr is null ? "" : "." + path.SubAttr)
            : parent.Name + "." + path.Name;
        if (schema is null || ScimSchemas.Is(schema, ScimSchemas.User))
            return Core.GetValueOrDefault(key) ?? (schema is null ? Enterprise.GetValueOrDefault(key) : null);
        return ScimSchemas.Is(schema, ScimSchemas.EnterpriseUser) ? Enterprise.GetValueOrDefault(key) : null;
    }
}
