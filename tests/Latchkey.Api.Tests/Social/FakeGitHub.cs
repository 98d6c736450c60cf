using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Api.Tests.Social;

/// <summary>
/// A local OAuth 2.0 server speaking GitHub's shapes: <c>/login/oauth/authorize</c> (the browser step,
/// user chosen by the <c>upstream_user</c> cookie), <c>/login/oauth/access_token</c> (client secret,
/// code, redirect URI and PKCE checked), <c>/user</c> and <c>/user/emails</c>. It also publishes
/// <c>/jwks</c> with a local RSA key, so ID tokens it signs stand in for Apple's and Google's.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    public const string ClientId = "gh-client";
    public const string ClientSecret = "gh-secret";
    public const string KeyId = "local-key-1";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (UpstreamUser User, string RedirectUri, string Challenge)> _codes = new();
    private readonly ConcurrentDictionary<string, UpstreamUser> _tokens = new();
    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly ECDsa _appleKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ConcurrentDictionary<string, (UpstreamUser User, string RedirectUri, string Challenge, string? Nonce)> _appleCodes = new();

    public const string AppleClientId = "com.latchkey.web";
    public const string AppleTeamId = "TEAM123456";
    public const string AppleKeyId = "APPLEKEY01";

    /// <summary>The .p8 key Latchkey signs Apple client secrets with; the fake checks them with its public half.</summary>
    public string ApplePrivateKeyPem => _appleKey.ExportPkcs8PrivateKeyPem();

    private FakeGitHub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeGitHub(builder.Build());
        fake.Map();
        await fake._app.StartAsync();
        fake.BaseAddress = new Uri(fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>An ID token signed with the published key (or <paramref name="key"/>), claims as given.</summary>
    public string IssueIdToken(IDictionary<string, object> claims, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });

    private void Map()
    {
        _app.MapGet("/jwks", () => Results.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_signingKey.Rsa.ExportParameters(false)) { KeyId = KeyId }) } }));
        _app.MapGet("/login/oauth/authorize", (Func<HttpContext, IResult>)Authorize);
        _app.MapPost("/login/oauth/access_token", (Func<HttpContext, Task<IResult>>)AccessToken).DisableAntiforgery();
        _app.MapGet("/auth/authorize", (Func<HttpContext, IResult>)AppleAuthorize);
        _app.MapPost("/auth/token", (Func<HttpContext, Task<IResult>>)AppleToken).DisableAntiforgery();
        _app.MapGet("/user", (HttpContext http) => WithUser(http, u => Results.Json(new { id = long.Parse(u.Sub), login = u.Login, name = u.Name, avatar_url = "https://avatars.example/" + u.Sub })));
        _app.MapGet("/user/emails", (HttpContext http) => WithUser(http, u => Results.Json(new[]
        {
            new { email = "secondary-" + u.Email, primary = false, verified = true, visibility = (string?)null },
            new { email = u.Email, primary = true, verified = u.EmailVerified, visibility = (string?)"public" },
        })));
    }

    private IResult Authorize(HttpContext http)
    {
        var q = http.Request.Query;
        var redirect = q["redirect_uri"].ToString();
        if (q["client_id"] != ClientId || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest("bad authorization request");
        var user = UpstreamUser.FromCookie(http.Request.Cookies["upstream_user"]);
        if (user is null || user.Deny)
            return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = q["state"] }));
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (user, redirect, q["code_challenge"].ToString());
        return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"] }));
    }

    private async Task<IResult> AccessToken(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return Results.Json(new { error = "incorrect_client_credentials" }, statusCode: 401);
        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
            return Results.Json(new { error = "bad_verification_code" }, statusCode: 400);
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.Challenge) return Results.Json(new { error = "bad_verification_code", error_description = "PKCE" }, statusCode: 400);
        var token = "gho_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = grant.User;
        return Results.Json(new { access_token = token, token_type = "bearer", scope = "read:user,user:email" });
    }

    /// <summary>Apple's authorize step: with response_mode=form_post the browser gets a self-submitting form, name in <c>user</c>.</summary>
    private IResult AppleAuthorize(HttpContext http)
    {
        var q = http.Request.Query;
        var user = UpstreamUser.FromCookie(http.Request.Cookies["upstream_user"]);
        if (q["client_id"] != AppleClientId || q["response_mode"] != "form_post" || user is null) return Results.BadRequest("bad authorization request");
        var code = "c" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _appleCodes[code] = (user, q["redirect_uri"].ToString(), q["code_challenge"].ToString(), q["nonce"]);
        var (first, last) = (user.Name.Split(' ')[0], user.Name.Split(' ')[^1]);
        var fields = new Dictionary<string, string>
        {
            ["code"] = code, ["state"] = q["state"].ToString(),
            ["user"] = System.Text.Json.JsonSerializer.Serialize(new { name = new { firstName = first, lastName = last }, email = user.Email }),
        };
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(f.Value)}\">"));
        return Results.Content($"<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(q["redirect_uri"])}\">{inputs}</form></body></html>", "text/html");
    }

    /// <summary>Apple's token endpoint: the client secret must be an ES256 JWT from the team's key; answers with a signed ID token.</summary>
    private async Task<IResult> AppleToken(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var secret = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_secret"].ToString(), new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(ECDsa.Create(_appleKey.ExportParameters(false))),
            ValidIssuer = AppleTeamId, ValidAudience = "https://appleid.apple.com", ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            // The secret's times come from the server's test clock, which tests move forward; the unit test checks them.
            ValidateLifetime = false,
        });
        if (!secret.IsValid || ((JsonWebToken)secret.SecurityToken).Subject != AppleClientId || form["client_id"] != AppleClientId)
            return Results.Json(new { error = "invalid_client" }, statusCode: 400);
        if (!_appleCodes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        // An hour, not Apple's ten minutes: tests move the server's clock forward and this fake does not know by how much.
        var now = DateTime.UtcNow;
        var idToken = IssueIdToken(new Dictionary<string, object>
        {
            ["iss"] = "https://appleid.apple.com", ["aud"] = AppleClientId, ["sub"] = grant.User.Sub, ["email"] = grant.User.Email,
            ["email_verified"] = grant.User.EmailVerified ? "true" : "false", ["nonce"] = grant.Nonce ?? "",
            ["iat"] = EpochTime.GetIntDate(now), ["exp"] = EpochTime.GetIntDate(now.AddHours(1)),
        });
        return Results.Json(new { access_token = "a" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 3600, id_token = idToken });
    }

    private IResult WithUser(HttpContext http, Func<UpstreamUser, IResult> answer)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(header[7..], out var user)
            ? answer(user)
            : Results.Json(new { message = "Bad credentials" }, statusCode: 401);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
