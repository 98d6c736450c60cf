using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>The signed license file: verifiable offline with the published JWKS, and useless as an access token.</summary>
public sealed class NubeLicenseTokenTests(NubeServer server) : IClassFixture<NubeServer>
{
    [Fact]
    public async Task A_license_token_verifies_against_the_jwks_and_carries_the_entitlements()
    {
        var admin = await server.AdminKeyClientAsync();
        var client = server.CreateClient();
        var (_, userId, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(durationDays: 10));
        var issued = await (await client.PostJsonAsync("/v1/licenses/token", new { key })).NubeDataAsync();
        var token = issued.Str("token");

        var jwks = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "http://latchkey.test", ValidateAudience = false, IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["license+jwt"], LifetimeValidator = (_, _, _, _) => true,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("license:" + license.Str("id"), jwt.Subject);
        Assert.Equal(userId.ToString(), jwt.GetPayloadValue<string>("user_id"));
        Assert.Equal("active", jwt.GetPayloadValue<string>("status"));
        Assert.Contains("api_calls", jwt.EncodedPayload.Length > 0 ? System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload)) : "");
        // It ends with the license's term, not later.
        Assert.Equal(DateTime.Parse(license.Str("endsAt")).ToUniversalTime(), jwt.ValidTo, TimeSpan.FromSeconds(1));

        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(tampered, parameters)).IsValid);
        await (await client.GetAsync("/v1/users/me", token)).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Only_a_valid_license_is_exported()
    {
        var admin = await server.AdminKeyClientAsync();
        var client = server.CreateClient();
        var (_, _, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync());
        await (await admin.PatchJsonAsync($"/v1/admin/licenses/{license.Str("id")}", new { status = "revoked" }, null)).NubeDataAsync();
        await (await client.PostJsonAsync("/v1/licenses/token", new { key })).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.PostJsonAsync("/v1/licenses/token", new { key = "lk_" + new string('z', 40) })).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
