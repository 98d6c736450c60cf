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
