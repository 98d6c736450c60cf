using System.Net.Http.Headers;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>
/// A bounded fuzz of every mapped route (read from the server's own endpoint table) with the malformed input
/// classes of issue 22: a bogus charset, NUL bytes in JSON, form and query, over-long form keys, oversized
/// bodies, wrong and missing content types, wrong JSON types, deep nesting, invalid UTF-8. No answer may be a
/// 5xx, and every error is in the shape of the surface that owns the path. Deterministic (fixed seed),
/// unauthenticated, a couple of thousand requests.
/// </summary>
public sealed class MalformedInputTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const int Seed = 20261202;

    private static readonly string[] FieldNames =
    [
        "email", "password", "username", "refreshToken", "refresh_token", "token", "ticket", "code", "otp", "name",
        "newPassword", "currentPassword", "client_id", "grant_type", "redirectTo", "redirect_uris", "provider", "userId",
        "method", "phoneNumber", "options", "metadata", "credential", "keyId", "scope", "user_code",
    ];

    [Fact]
    public async Task No_malformed_request_to_any_route_is_answered_with_a_5xx_or_outside_the_surfaces_shape()
    {
        var random = new Random(Seed);
        var client = server.CreateClient();
        var failures = new List<string>();
        var requests = Routes().SelectMany(r => Cases(r.Method, r.Path, random)).ToList();
        Assert.InRange(requests.Count, 200, 5000);

        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(requests.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await client.SendAsync(c.Request());
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500) lock (failures) failures.Add($"{c.Name} {c.Method} {c.Path}: {status} {body[..Math.Min(body.Length, 200)]}");
                else if (status >= 400 && !IsHtml(response)) Collect(failures, c, () => SurfaceShapes.AssertShape(c.Path, status, body));
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private static bool IsHtml(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/html";

    private static void Collect(List<string> failures, FuzzCase c, Action check)
    {
        try
        {
            check();
        }
        catch (Exception ex)
        {
            lock (failures) failures.Add($"{c.Name} {c.Method} {c.Path}: {ex.Message}");
        }
    }

    /// <summary>Every (method, path) the server maps, with route parameters filled with plausible values.</summary>
    private IEnumerable<(string Method, string Path)> Routes()
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints.OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var path = Fill(endpoint.RoutePattern);
            if (path is null) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "OPTIONS" && m != "HEAD").Distinct()) yield return (method, path);
        }
    }

    private static string? Fill(RoutePattern pattern)
    {
        var builder = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            builder.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: builder.Append(literal.Content); break;
                    case RoutePatternSeparatorPart separator: builder.Append(separator.Content); break;
                    case RoutePatternParameterPart { IsCatchAll: true }: builder.Append("x"); break;
                    case RoutePatternParameterPart parameter:
                        builder.Append(parameter.ParameterPolicies.Any(p => p.Content is "guid") ? "0190d2a0-0000-7000-8000-000000000001"
                            : parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1" : "x");
                        break;
                }
            }
        }
        var path = builder.Length == 0 ? "/" : builder.ToString();
        return path.StartsWith("/docs", StringComparison.Ordinal) ? null : path;
    }

    private sealed record FuzzCase(string Name, string Method, string Path, Func<HttpRequestMessage> Request);

    private static IEnumerable<FuzzCase> Cases(string method, string path, Random random)
    {
        FuzzCase Body(string name, Func<HttpContent?> content) =>
            new(name, method, path, () => new HttpRequestMessage(new HttpMethod(method), path) { Content = content() });
        FuzzCase Query(string name, string query) =>
            new(name, method, path, () => new HttpRequestMessage(new HttpMethod(method), path + "?" + query));

        var field = FieldNames[random.Next(FieldNames.Length)];
        var other = FieldNames[random.Next(FieldNames.Length)];
        yield return Query("query-nul", $"{field}=a%00b&{other}=x");
        yield return Query("query-long-key", new string('q', 3000) + "=v");
        yield return Query("query-control", $"{field}=%01%1F");
        if (method is "GET" or "DELETE") yield break;

        yield return Body("json-bogus-charset", () => Raw("{}", "application/json; charset=bogus"));
        yield return Body("json-nul", () => Json($"{{\"{field}\":\"a\\u0000b\",\"{other}\":\"\\u0000\"}}"));
        yield return Body("json-control", () => Json($"{{\"{field}\":\"\\u0007\",\"{other}\":{{\"\\u0001\":1}}}}"));
        yield return Body("json-wrong-types", () => Json($"{{\"{field}\":{random.Next()},\"{other}\":[],\"email\":{{}},\"password\":true}}"));
        yield return Body("json-not-object", () => Json(random.Next(4) switch { 0 => "[]", 1 => "\"text\"", 2 => "null", _ => "42" }));
        yield return Body("json-truncated", () => Json($"{{\"{field}\": "));
        yield return Body("json-deep", () => Json(new string('[', 64) + new string(']', 64)));
        yield return Body("json-invalid-utf8", () => Bytes([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], "application/json"));
        yield return Body("json-oversized", () => Json($"{{\"{field}\":\"{new string('a', 70 * 1024)}\"}}"));
        yield return Body("json-without-content-type", () => Bytes(Encoding.UTF8.GetBytes($"{{\"{field}\":\"x\"}}"), null));
        yield return Body("text-plain", () => Raw($"{field}=x", "text/plain"));
        yield return Body("form-nul", () => Form($"{field}=a%00b&{other}=%00"));
        yield return Body("form-long-key", () => Form(new string('k', 3000) + "=v"));
        yield return Body("form-oversized", () => Form($"{field}=" + new string('a', 70 * 1024)));
        yield return Body("form-bogus-charset", () => Raw($"{field}=x", "application/x-www-form-urlencoded; charset=bogus"));
        yield return Body("multipart-nul", () =>
        {
            var multipart = new MultipartFormDataContent { { new StringContent("a\0b"), field } };
            return multipart;
        });
    }

    private static HttpContent Json(string json) => Raw(json, "application/json");

    private static HttpContent Form(string form) => Raw(form, "application/x-www-form-urlencoded");

    private static HttpContent Raw(string text, string contentType) => Bytes(Encoding.UTF8.GetBytes(text), contentType);

    private static HttpContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
