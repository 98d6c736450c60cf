using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>PATCH (RFC 7644 §3.5.2) with the request bodies Okta and Entra ID document, and the ones that must fail.</summary>
public sealed class ScimPatchTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Entra_id_update_operations_apply_together()
    {
        var scim = await ScimClient.CreateAsync(server);
        var user = await scim.CreateUserAsync();
        var id = user.Str("id");
        var newEmail = Accounts.NewEmail("moved");
        // As Entra ID sends an attribute update: capitalised ops, filtered and URN paths, one body.
        var patched = await ExpectAsync(await scim.SendRawAsync(HttpMethod.Patch, $"/Users/{id}", $$"""
            {"schemas":["{{PatchSchema}}"],"Operations":[
              {"op":"Replace","path":"userName","value":"{{newEmail}}"},
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"{{newEmail}}"},
              {"op":"Add","path":"name.givenName","value":"Barbara"},
              {"op":"Replace","path":"name.familyName","value":"Liskov"},
              {"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+44 20 7946 0958"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Research"},
              {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"mgr-1"},
              {"op":"Replace","path":"externalId","value":"entra-{{id}}"},
              {"op":"Remove","path":"title"}
            ]}
            """), HttpStatusCode.OK);
        Assert.Equal(newEmail, patched.Str("userName"));
        Assert.Equal(newEmail, patched.GetProperty("emails")[0].Str("value"));
        Assert.Equal("Barbara", patched.GetProperty("name").Str("givenName"));
        Assert.Equal("Liskov", patched.GetProperty("name").Str("familyName"));
        Assert.Equal("+442079460958", patched.GetProperty("phoneNumbers")[0].Str("value"));
        Assert.Equal("mobile", patched.GetProperty("phoneNumbers")[0].Str("type"));
        Assert.Equal("Research", patched.GetProperty(EnterpriseSchema).Str("department"));
        Assert.Equal("mgr-1", patched.GetProperty(EnterpriseSchema).GetProperty("manager").Str("value"));
        Assert.Equal($"entra-{id}", patched.Str("externalId"));

        // Entra ID's deactivation: "False" as a string, and a path-less replace with dotted and URN keys.
        var off = await ExpectAsync(await scim.SendRawAsync(HttpMethod.Patch, $"/Users/{id}", $$"""
            {"schemas":["{{PatchSchema}}"],"Operations":[{"op":"Replace","value":{"active":"False","name.givenName":"Babs",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"42"} } ] }
            """), HttpStatusCode.OK);
        Assert.False(off.GetProperty("active").GetBoolean());
        Assert.Equal("Babs", off.GetProperty("name").Str("givenName"));
        Assert.Equal("42", off.GetProperty(EnterpriseSchema).Str("employeeNumber"));
    }

    [Fact]
    public async Task Okta_path_less_replace_of_the_whole_profile_is_accepted()
    {
        var scim = await ScimClient.CreateAsync(server);
        var user = await scim.CreateUserAsync(extra: new { title = "Analyst" });
        var id = user.Str("id");
        // Okta may repeat read-only attributes unchanged; that changes nothing and is not an error.
        var patched = await ExpectAsync(await scim.PatchAsync($"/Users/{id}", new
        {
            op = "replace",
            value = new { id, userName = user.Str("userName"), name = new { familyName = "King" }, title = "Lead", nickName = "Lady" },
        }), HttpStatusCode.OK);
        Assert.Equal("Ada", patched.GetProperty("name").Str("givenName"));
        Assert.Equal("King", patched.GetProperty("name").Str("familyName"));
        Assert.Equal("Lead", patched.Str("title"));
        Assert.Equal("Lady", patched.Str("nickName"));
    }

    [Fact]
    public async Task Invalid_patches_are_refused_with_their_scim_type_and_change_nothing()
    {
        var scim = await ScimClient.CreateAsync(server);
        var user = await scim.CreateUserAsync(extra: new { title = "Keep" });
        var id = user.Str("id");
        var cases = new (object[] Operations, string ScimType)[]
        {
            ([new { op = "replace", path = "id", value = "other" }], "mutability"),
            ([new { op = "add", path = "groups", value = new[] { new { value = "x" } } }], "mutability"),
            ([new { op = "remove" }], "noTarget"),
            ([new { op = "move", path = "title", value = "x" }], "invalidSyntax"),
            ([new { op = "replace", path = "title" }], "invalidSyntax"),
            ([new { op = "replace", path = "emails[type eq ]", value = "x" }], "invalidPath"),
            ([new { op = "replace", path = "urn:example:unknown:Thing:attr", value = "x" }], "invalidPath"),
            ([new { op = "replace", path = "emails[type eq \"home\" or type eq \"other\"].value", value = "x@example.com" }], "noTarget"),
            ([new { op = "replace", path = "active", value = "yes" }], "invalidValue"),
            ([new { op = "replace", path = "title", value = "Changed" }, new { op = "remove", path = "userName" }], "invalidValue"),
        };
        foreach (var (operations, scimType) in cases)
            await FailsAsync(await scim.PatchAsync($"/Users/{id}", operations), HttpStatusCode.BadRequest, scimType);
        await FailsAsync(await scim.SendAsync(HttpMethod.Patch, $"/Users/{id}", new { Operations = new[] { new { op = "add", path = "title", value = "x" } } }),
            HttpStatusCode.BadRequest, "invalidSyntax");
        var after = await ExpectAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.OK);
        Assert.Equal(user.ToString(), after.ToString());
    }
}
