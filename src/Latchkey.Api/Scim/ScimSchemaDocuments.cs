using System.Text.Json.Nodes;
using Latchkey.Core.Scim;

namespace Latchkey.Api.Scim;

/// <summary>
/// The Schemas resources (RFC 7643 §7) for exactly the attributes Latchkey stores: the User schema without
/// addresses, ims, photos, entitlements, roles and x509Certificates, the Enterprise User extension, and Group.
/// </summary>
internal static class ScimSchemaDocuments
{
    public static JsonObject[] All(string baseUrl) =>
    [
        Schema(ScimSchemas.User, "User", "User Account", baseUrl,
            Text("userName", required: true, uniqueness: "server"),
            Complex("name", false, Text("formatted"), Text("familyName"), Text("givenName"), Text("middleName"), Text("honorificPrefix"), Text("honorificSuffix")),
            Text("displayName"), Text("nickName"), Reference("profileUrl", "external"), Text("title"), Text("userType"),
            Text("preferredLanguage"), Text("locale"), Text("timezone"),
            Attr("active", "boolean"),
            Attr("password", "string", mutability: "writeOnly", returned: "never"),
            Complex("emails", true, Text("value"), Text("type"), Attr("primary", "boolean")),
            Complex("phoneNumbers", true, Text("value"), Text("type"), Attr("primary", "boolean")),
            Complex("groups", true, "readOnly", Text("value", mutability: "readOnly"), Reference("$ref", "Group", "readOnly"),
                Text("display", mutability: "readOnly"), Text("type", mutability: "readOnly")),
            Text("externalId", caseExact: true)),
        Schema(ScimSchemas.EnterpriseUser, "EnterpriseUser", "Enterprise User", baseUrl,
            Text("employeeNumber"), Text("costCenter"), Text("organization"), Text("division"), Text("department"),
            Complex("manager", false, Text("value", caseExact: true), Reference("$ref", "User", "readWrite"), Text("displayName", mutability: "readOnly"))),
        Schema(ScimSchemas.Group, "Group", "Group", baseUrl,
            Text("displayName", required: true, uniqueness: "server"),
            Complex("members", true, Text("value", caseExact: true, mutability: "immutable"), Reference("$ref", "User", "immutable"),
                Text("display", mutability: "readOnly"), Text("type", mutability: "immutable")),
            Text("externalId", caseExact: true)),
    ];

    private static JsonObject Schema(string id, string name, string description, string baseUrl, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Text(string name, bool required = false, bool caseExact = false, string mutability = "readWrite", string uniqueness = "none") =>
        Attr(name, "string", required, caseExact, mutability, uniqueness: uniqueness);

    private static JsonObject Reference(string name, string target, string mutability = "readWrite")
    {
        var attr = Attr(name, "reference", caseExact: true, mutability: mutability);
        attr["referenceTypes"] = new JsonArray(target);
        return attr;
    }

    private static JsonObject Complex(string name, bool multiValued, params JsonObject[] subAttributes) =>
        Complex(name, multiValued, "readWrite", subAttributes);

    private static JsonObject Complex(string name, bool multiValued, string mutability, params JsonObject[] subAttributes)
    {
        var attr = Attr(name, "complex", multiValued: multiValued, mutability: mutability);
        attr["subAttributes"] = new JsonArray(subAttributes);
        return attr;
    }

    private static JsonObject Attr(string name, string type, bool required = false, bool caseExact = false, string mutability = "readWrite",
        string returned = "default", string uniqueness = "none", bool multiValued = false) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = multiValued,
        ["required"] = required,
        ["caseExact"] = caseExact,
        ["mutability"] = mutability,
        ["returned"] = returned,
        ["uniqueness"] = uniqueness,
    };
}
