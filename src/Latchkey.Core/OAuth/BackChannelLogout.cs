using System.Buffers;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Latchkey.Core.OAuth;

/// <summary>
/// OpenID Back-Channel Logout 1.0: a signed logout token (§2.4) POSTed to each client's
/// backchannel_logout_uri (§2.5). Sent in the background with a short timeout and one retry, so a slow
/// client never holds up the user's sign-out; failures are logged.
/// </summary>
public sealed class BackChannelLogout(
    IHttpClientFactory http,
    SigningKeyRing keys,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock,
    ILogger<BackChannelLogout> logger)
{
    public const string HttpClientName = "latchkey-backchannel-logout";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private static readonly Dictionary<string, object> Header = new() { ["typ"] = "logout+jwt" };

    public void Notify(IEnumerable<OAuthClient> clients, Guid userId, Guid browserSessionId)
    {
        foreach (var client in clients.Where(c => c.BackchannelLogoutUri is not null && c.Active))
        {
            var token = LogoutToken(client, userId, browserSessionId);
            _ = Task.Run(() => SendAsync(client.BackchannelLogoutUri!, client.ClientId, token));
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

    private async Task SendAsync(string uri, string clientId, string token)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                using var client = http.CreateClient(HttpClientName);
                using var content = new FormUrlEncodedContent([new("logout_token", token)]);
                using var response = await client.PostAsync(uri, content);
                if (response.IsSuccessStatusCode) return;
                logger.LogWarning("Back-channel logout to client {ClientId} answered {Status}", clientId, (int)response.StatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                logger.LogWarning("Back-channel logout to client {ClientId} failed: {Reason}", clientId, ex.Message);
            }
        }
    }
}
