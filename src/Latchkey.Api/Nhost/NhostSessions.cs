using System.Text.Json;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost;

/// <summary>
/// Builds the spec's Session and User objects. Sessions carry a Hasura-format access token: the core's
/// sign-in services start sessions with the default token, so this surface signs its own for the same
/// session (one extra signature at sign-in; refreshes sign only the Hasura token).
/// </summary>
public sealed class NhostSessions(AccessTokenIssuer issuer, HasuraAccessTokenFormat format, IOptions<UserDefaultsOptions> defaults)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public AccessTokenFormat Format => format;

    /// <summary>The spec's Session; <paramref name="elevated"/> adds <c>x-hasura-auth-elevated</c> (after a security-key challenge only).</summary>
    public NhostSession FromIssued(IssuedSession issued, User user, bool elevated = false)
    {
        var token = issuer.Issue(issued.Subject, issued.SessionId, elevated ? format.Elevated : format);
        return new NhostSession(token.Value, token.ExpiresInSeconds, issued.RefreshToken!, issued.SessionId.ToString(), ToUser(user));
    }

    public NhostSession FromRefreshed(RefreshedTokens tokens, User? user) =>
        new(tokens.AccessToken.Value, tokens.AccessToken.ExpiresInSeconds, tokens.RefreshToken, tokens.SessionId.ToString(),
            user is null ? null : ToUser(user));

    public NhostUser ToUser(User user)
    {
        var roles = new TokenRoleSource(user.IsAnonymous, user.DefaultRole, user.AllowedRoles);
        return new NhostUser(
            AvatarUrl: user.AvatarUrl ?? "",
            CreatedAt: user.CreatedAt,
            DefaultRole: UserRoles.DefaultFor(roles, defaults.Value),
            DisplayName: user.IsAnonymous ? user.ChosenDisplayName ?? "" : user.DisplayName,
            // A guest's placeholder address is not an email anyone can use: the spec's guests have none.
            Email: user.IsAnonymous ? null : user.Email,
            EmailVerified: user.EmailVerified,
            Id: user.Id.ToString(),
            IsAnonymous: user.IsAnonymous,
            Locale: user.Locale ?? defaults.Value.DefaultLocale,
            Metadata: user.Metadata is { } json ? JsonDocument.Parse(json).RootElement.Clone() : EmptyObject,
            PhoneNumberVerified: false,
            Roles: UserRoles.AllowedFor(roles, defaults.Value),
            ActiveMfaType: user.TwoFactorEnabled ? "totp" : null);
    }
}
