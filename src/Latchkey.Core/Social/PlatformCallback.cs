using Latchkey.Core.Common;

namespace Latchkey.Core.Social;

/// <summary>
/// The Platform API's upstream callback (<c>/api/auth/oauth/callback</c>), the redirect URI registered at each provider
/// for flows started by the Platform API and by the account console alike (the Nhost surface has its own per provider).
/// </summary>
public static class PlatformCallback
{
    public const string Path = "/api/auth/oauth/callback";

    public static string Url(LatchkeyOptions latchkey) => latchkey.PublicUrl!.TrimEnd('/') + Path;
}
