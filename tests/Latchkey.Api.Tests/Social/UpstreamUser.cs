using System.Text;
using System.Text.Json;

namespace Latchkey.Api.Tests.Social;

/// <summary>Who the test "browser" signs in as at an upstream provider (sent as the <c>upstream_user</c> cookie).</summary>
public sealed record UpstreamUser(string Sub, string Email, bool EmailVerified, string Name = "Grace Hopper", bool Deny = false)
{
    public string Login => "user" + Sub;

    public static UpstreamUser New(bool verified = true, string? email = null) =>
        new(Random.Shared.NextInt64(1_000_000, 9_999_999_999).ToString(), email ?? $"social-{Guid.NewGuid():N}@example.com", verified);

    public string ToCookie() => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        sub = Sub, email = Email, email_verified = EmailVerified, name = Name, deny = Deny,
    }))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static UpstreamUser? FromCookie(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var json = JsonDocument.Parse(Convert.FromBase64String(padded)).RootElement;
        return new UpstreamUser(json.GetProperty("sub").GetString()!, json.GetProperty("email").GetString()!,
            json.GetProperty("email_verified").GetBoolean(), json.GetProperty("name").GetString()!, json.GetProperty("deny").GetBoolean());
    }
}
