using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>SCIM Users: create, read, replace, delete, versions, and what an account made this way can do elsewhere.</summary>
public sealed class ScimUserTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Create_answers_201_with_the_resource_location_and_version_and_get_returns_the_same()
    {
        var scim = await ScimClient.CreateAsync(server);
        var email = Accounts.NewEmail("create");
        var response = await scim.SendAsync(HttpMethod.Post, "/Users", new
        {
            schemas = new[] { UserSchema, EnterpriseSchema },
            userName = email,
            externalId = "00u-" + Guid.NewGuid().ToString("N"),
            name = new { givenName = "Grace", familyName = "Hopper", middleName = "Brewster" },
            displayName = "Grace Hopper",
            title = "Rear Admiral",
            locale = "en-US",
            timezone = "America/New_York",
            emails = new[] { new { value = email, type = "work", primary = true } },
            phoneNumbers = new[] { new { value = "+1 (202) 555-0143", type = "mobile" } },
            active = true,
            groups = new[] { new { value = "ignored: read-only" } },
        });
        var created = await ExpectAsync(response, HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.EndsWith($"/api/scim/v2/Users/{id}", response.Headers.Location?.ToString());
        Assert.Equal(created.GetProperty("meta").Str("location"), response.Headers.Location?.ToString());
        Assert.Equal(created.GetProperty("meta").Str("version"), response.Headers.ETag?.ToString());
        Assert.Equal(email, created.Str("userName"));
        Assert.Equal("Brewster", created.GetProperty("name").Str("middleName"));
        Assert.Equal("Grace Hopper", created.GetProperty("name").Str("formatted"));
        Assert.Equal("+12025550143", created.GetProperty("phoneNumbers")[0].Str("value"));
        Assert.Equal("mobile", created.GetProperty("phoneNumbers")[0].Str("type"));
        Assert.Equal("America/New_York", created.Str("timezone"));
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.False(created.TryGetProperty("groups", out _));
        Assert.False(created.TryGetProperty("password", out _));

        var read = await ExpectAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.OK);
        Assert.Equal(created.ToString(), read.ToString());
        var notModified = await scim.SendAsync(HttpMethod.Get, $"/Users/{id}", configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", created.GetProperty("meta").Str("version")));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // The same userName again, in another case: 409 uniqueness, and nothing changed.
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Users", new { schemas = new[] { UserSchema }, userName = email.ToUpperInvariant() }),
            HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Enterprise_attributes_and_a_username_style_userName_are_kept()
    {
        var scim = await ScimClient.CreateAsync(server);
        var email = Accounts.NewEmail("ent");
        var login = "jdoe" + Guid.NewGuid().ToString("N")[..8];
        var created = await ExpectAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users", $$"""
            {"schemas":["{{UserSchema}}","{{EnterpriseSchema}}"],"UserName":"{{login}}",
             "emails":[{"value":"{{email}}","primary":true,"type":"work"}],
             "{{EnterpriseSchema}}":{"employeeNumber":"701984","department":"Tour Operations","manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"} } }
            """), HttpStatusCode.Created);
        Assert.Equal(login, created.Str("userName"));
        Assert.Equal(email, created.GetProperty("emails")[0].Str("value"));
        var enterprise = created.GetProperty(EnterpriseSchema);
        Assert.Equal("701984", enterprise.Str("employeeNumber"));
        Assert.Equal("26118915-6090-4610-87e4-49d8ca9f808d", enterprise.GetProperty("manager").Str("value"));
        Assert.Contains(EnterpriseSchema, created.GetProperty("schemas").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Put_replaces_and_if_match_guards_the_version()
    {
        var scim = await ScimClient.CreateAsync(server);
        var user = await scim.CreateUserAsync(extra: new { title = "Engineer", nickName = "Addie" });
        var id = user.Str("id");
        var version = user.GetProperty("meta").Str("version");
        await server.AdvanceClockAsync(TimeSpan.FromSeconds(1));
        var replaced = await ExpectAsync(await scim.SendAsync(HttpMethod.Put, $"/Users/{id}", new
        {
            schemas = new[] { UserSchema }, userName = user.Str("userName"), name = new { givenName = "Augusta" }, title = "Countess",
        }, r => r.Headers.TryAddWithoutValidation("If-Match", version)), HttpStatusCode.OK);
        Assert.Equal("Augusta", replaced.GetProperty("name").Str("givenName"));
        Assert.False(replaced.GetProperty("name").TryGetProperty("familyName", out _));
        Assert.False(replaced.TryGetProperty("nickName", out _));
        Assert.NotEqual(version, replaced.GetProperty("meta").Str("version"));

        // The old version no longer matches: 412, and the stored user is unchanged.
        await FailsAsync(await scim.SendAsync(HttpMethod.Put, $"/Users/{id}", new { schemas = new[] { UserSchema }, userName = user.Str("userName"), title = "Stale" },
            r => r.Headers.TryAddWithoutValidation("If-Match", version)), HttpStatusCode.PreconditionFailed);
        Assert.Equal("Countess", (await ExpectAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.OK)).Str("title"));
    }

    [Fact]
    public async Task A_provisioned_user_with_a_password_signs_in_and_deactivation_ends_its_sessions_and_tokens_at_once()
    {
        var scim = await ScimClient.CreateAsync(server);
        var email = Accounts.NewEmail("deact");
        var user = await scim.CreateUserAsync(email, new { password = Accounts.Password });
        var app = server.CreateClient();
        var (access, _) = await app.SimpleLoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/auth/me", access)).StatusCode);

        // Okta's deactivation: a path-less replace.
        var patched = await ExpectAsync(await scim.PatchAsync($"/Users/{user.Str("id")}", new { op = "replace", value = new { active = false } }), HttpStatusCode.OK);
        Assert.False(patched.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/auth/me", access)).StatusCode);
        var again = await app.PostJsonAsync("/api/v1/auth/login", new { username = email, password = Accounts.Password });
        Assert.False(again.IsSuccessStatusCode);

        // Entra ID's reactivation: a capitalised op and a boolean string.
        var reactivated = await ExpectAsync(await scim.PatchAsync($"/Users/{user.Str("id")}", new { op = "Replace", path = "active", value = "True" }), HttpStatusCode.OK);
        Assert.True(reactivated.GetProperty("active").GetBoolean());
        await app.SimpleLoginAsync(email);
    }

    [Fact]
    public async Task Weak_passwords_and_provisioned_users_without_one_cannot_sign_in_with_a_password()
    {
        var scim = await ScimClient.CreateAsync(server);
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Users", new { schemas = new[] { UserSchema }, userName = Accounts.NewEmail(), password = "password" }),
            HttpStatusCode.BadRequest, "invalidValue");
        var email = Accounts.NewEmail("nopw");
        await scim.CreateUserAsync(email);
        var login = await server.CreateClient().PostJsonAsync("/api/v1/auth/login", new { username = email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_account_and_a_second_delete_is_404()
    {
        var scim = await ScimClient.CreateAsync(server);
        var user = await scim.CreateUserAsync();
        var id = user.Str("id");
        Assert.Equal(HttpStatusCode.NoContent, (await scim.SendAsync(HttpMethod.Delete, $"/Users/{id}")).StatusCode);
        await FailsAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.NotFound);
        await FailsAsync(await scim.SendAsync(HttpMethod.Delete, $"/Users/{id}"), HttpStatusCode.NotFound);
        await FailsAsync(await scim.GetAsync("/Users/not-a-uuid"), HttpStatusCode.NotFound);
        Assert.Equal(0, await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.ScimUserProfiles, p => p.UserId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Bad_documents_are_400_with_the_scim_type_and_change_nothing()
    {
        var scim = await ScimClient.CreateAsync(server);
        var user = await scim.CreateUserAsync();
        var id = user.Str("id");
        var cases = new (object Body, string ScimType)[]
        {
            (new { schemas = new[] { UserSchema } }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = "x y" }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = 42 }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = Accounts.NewEmail(), active = "maybe" }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = Accounts.NewEmail(), phoneNumbers = new[] { new { value = "call me" } } }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = Accounts.NewEmail(), timezone = "Mars/Olympus" }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = Accounts.NewEmail(), emails = new[] { new { value = "a@example.com" }, new { value = "b@example.com" } } }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = "a@example.com", emails = new[] { new { value = "other@example.com", primary = true } } }, "invalidValue"),
            (new { schemas = new[] { UserSchema }, userName = Accounts.NewEmail(), title = new string('t', 300) }, "invalidValue"),
        };
        foreach (var (body, scimType) in cases)
        {
            await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Users", body), HttpStatusCode.BadRequest, scimType);
            await FailsAsync(await scim.SendAsync(HttpMethod.Put, $"/Users/{id}", body), HttpStatusCode.BadRequest, scimType);
        }
        var after = await ExpectAsync(await scim.GetAsync($"/Users/{id}"), HttpStatusCode.OK);
        Assert.Equal(user.ToString(), after.ToString());
    }
}
