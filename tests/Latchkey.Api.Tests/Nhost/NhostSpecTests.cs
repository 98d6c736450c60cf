using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>
/// Walks the Nhost spec file: every operation is routed, and
/// every operation answers one success and one error case whose bodies match the spec's schemas.
/// </summary>
public sealed class NhostSpecTests(NhostServer server, UnhealthyNhostServer unhealthy)
    : IClassFixture<NhostServer>, IClassFixture<UnhealthyNhostServer>
{
    /// <summary>Operations with no failure a client can cause: they answer from memory (key ring, build version).</summary>
    private static readonly IReadOnlySet<string> NoClientError = new HashSet<string> { "getJWKs", "getVersion" };

    /// <summary>Where our security rules depart from the spec's patterns (docs/nhost.md): 256-bit secrets, not UUIDs.</summary>
    private static readonly IReadOnlySet<string> PatternDepartures = new HashSet<string>
    {
        "Session.refreshToken", "CreatePATResponse.personalAccessToken",
    };

    private readonly SpecSchemaValidator _validator = new(NhostSpec.Instance, PatternDepartures);

    public static TheoryData<string> AllOperations() =>
        new(NhostSpec.Instance.Operations.Select(o => o.Id));

    public static TheoryData<string> FallibleOperations() =>
        new(NhostSpec.Instance.Operations.Select(o => o.Id).Where(id => !NoClientError.Contains(id)));

    [Fact]
    public void The_spec_has_its_40_operations()
    {
        Assert.Equal(40, NhostSpec.Instance.Operations.Count);
    }

    [Fact]
    public void Every_operation_of_the_spec_is_routed()
    {
        var routes = server.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in NhostSpec.Instance.Operations)
        {
            var routed = routes.Contains($"{operation.Method} /v1{operation.Path}");
            Assert.True(routed, $"{operation} is not routed");
        }
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task A_success_matches_the_spec(string operationId)
    {
        var operation = NhostSpec.Instance.Operation(operationId);
        var response = await new NhostScenarios(server).SuccessAsync(operationId);
        Assert.Equal(operation.SuccessStatus, (int)response.StatusCode);
        if (operation.SuccessStatus == 302)
        {
            // The spec's redirects have no body, only a Location (RedirectLocation: required, format uri); a success carries no error.
            var location = response.Headers.Location;
            Assert.True(location is { IsAbsoluteUri: true }, $"{operation}: Location must be an absolute URI, got {location}");
            Assert.DoesNotContain("error", Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location!.Query).Keys);
            return;
        }
        await AssertBodyAsync(response, operation.ResponseSchema("200"), operation);
    }

    [Theory]
    [MemberData(nameof(FallibleOperations))]
    public async Task An_error_matches_the_spec_error_response(string operationId)
    {
        var operation = NhostSpec.Instance.Operation(operationId);
        var response = await new NhostScenarios(server, unhealthy).ErrorAsync(operationId);
        Assert.True((int)response.StatusCode >= 400, $"{operation}: expected an error, got {(int)response.StatusCode}");
        if (operation.Method == "HEAD") return; // HEAD answers carry no body
        var body = await AssertBodyAsync(response, operation.ResponseSchema("default"), operation);
        Assert.Equal((int)response.StatusCode, body.GetProperty("status").GetInt32());
    }

    private async Task<JsonElement> AssertBodyAsync(HttpResponseMessage response, JsonElement? schema, SpecOperation operation)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (schema is null) return default;
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var errors = _validator.Validate(body, schema.Value);
        Assert.True(errors.Count == 0, $"{operation}: {string.Join("; ", errors)}\n{text}");
        return body;
    }
}

/// <summary>The validator the walk relies on rejects what the spec forbids (so a passing walk means something).</summary>
public sealed class SpecSchemaValidatorTests
{
    private readonly SpecSchemaValidator _validator = new(NhostSpec.Instance, new HashSet<string>());

    [Theory]
    [InlineData("""{"status":400,"message":"m","error":"invalid-request"}""", 0)]
    [InlineData("""{"status":400,"message":"m","error":"not-a-spec-code"}""", 1)]
    [InlineData("""{"status":400,"message":"m"}""", 1)]
    [InlineData("""{"status":"400","message":"m","error":"invalid-request","extra":1}""", 2)]
    public void ErrorResponse_is_checked(string json, int expectedViolations) =>
        Assert.Equal(expectedViolations, _validator.Validate(JsonDocument.Parse(json).RootElement, NhostSpec.Instance.Schema("ErrorResponse")).Count);

    [Fact]
    public void A_refresh_token_that_is_not_a_uuid_violates_the_spec_unless_declared_a_departure()
    {
        var session = JsonDocument.Parse("""{"accessToken":"a","accessTokenExpiresIn":900,"refreshToken":"abc","refreshTokenId":"01a20132-16f0-7d8d-b01b-55ebd27a1879"}""").RootElement;
        Assert.Single(_validator.Validate(session, NhostSpec.Instance.Schema("Session")));
        var lenient = new SpecSchemaValidator(NhostSpec.Instance, new HashSet<string> { "Session.refreshToken" });
        Assert.Empty(lenient.Validate(session, NhostSpec.Instance.Schema("Session"), schemaName: "Session"));
    }
}
