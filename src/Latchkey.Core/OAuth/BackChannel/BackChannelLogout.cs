using System.Buffers;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>
/// OpenID Back-Channel Logout 1.0: a signed logout token (§2.4) POSTed to a client's backchannel_logout_uri
/// (§2.5). What is owed is queued durably by <see cref="BackChannelLogoutQueue"/>; <see cref="BackChannelLogoutSender"/>
/// calls <see cref="SendAsync"/> for each claimed notice, so a slow client never holds up the user's sign-out.
/// </summary>
public sealed class BackChannelLogout(
    IHttpClientFactory http,
    SigningKeyRing keys,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    public const string HttpClientName = "latchkey-backchannel-logout";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private static readonly Dictionary<string, object> Header = new() { ["typ"] = "logout+jwt" };

    /// <summary>One attempt; null when the client acknowledged (2xx, §2.8), else why not, for the row and the log.</summary>
    public async Task<string?> SendAsync(OAuthClient client, Guid userId, Guid browserSessionId, CancellationToken ct)
    {
        try
        {
            using var httpClient = http.CreateClient(HttpClientName);
            using var content = new FormUrlEncodedContent([new("logout_token", LogoutToken(client, userId, browserSessionId))]);
            using var response = await httpClient.PostAsync(client.BackchannelLogoutUri, content, ct);
            return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex is TaskCanceledException ? "timed out" : ex.Message;
        }
    }

    /// <summary>Signed with the key of the client's id-token algorithm: RPs validate logout tokens like id tokens (§2.6).</summary>
    public string LogoutToken(OAuthClient client, Guid userId, Guid browserSessionId)
    {
        var now = clock.GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", latchkey.Value.PublicUrl);
            json.WriteString("aud", client.ClientId);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + TimeSpan.FromMinutes(2)).ToUnixTimeSeconds());
            json.WriteString("jti", Ids.New());
            json.WriteString("sub", userId);
            json.WriteString("sid", browserSessionId);
            json.WriteStartObject("events");
            json.WriteStartObject("http://schemas.openid.net/event/backchannel-logout");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return _handler.CreateToken(Encoding.UTF8.GetString(buffer.WrittenSpan), keys.CurrentCredentials(SigningKeyRing.IdPurposeFor(client.IdTokenSignedResponseAlg)), Header);
    }
}
