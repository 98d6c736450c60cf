using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The UserInfo endpoint (OIDC Core §5.3): the claims of the token's user that its scopes allow (§5.4).
/// The token must be a user grant with openid whose grant is still active.
/// </summary>
public sealed class UserInfoService(AccessTokenValidator tokens, GrantState grants, IUserStore users, ScopeClaims scopeClaims)
{
    public async Task<Result<IReadOnlyList<KeyValuePair<string, object?>>>> GetAsync(string? bearer, CancellationToken ct)
    {
        var claims = bearer is null ? null : await tokens.ValidateClientTokenAsync(bearer);
        if (claims?.UserId is not { } userId || !await grants.IsActiveAsync(claims, ct))
            return new AuthError(AuthErrorCodes.InvalidToken, "The access token is invalid, expired or revoked");
        if (!Scopes.Has(claims.Scope, Scopes.OpenId)) return new AuthError(AuthErrorCodes.InsufficientScope, "The access token lacks the openid scope");
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null || user.Disabled) return new AuthError(AuthErrorCodes.InvalidToken, "The user is no longer active");
        return await scopeClaims.ForAsync(user, claims.Scope, ct);
    }

    /// <summary>Standard claims by scope (OIDC Core §5.4), from the same profile the Platform API edits; empty ones are left out.</summary>
    public static List<KeyValuePair<string, object?>> Claims(User user, AccountProfile profile, string scope)
    {
        var list = new List<KeyValuePair<string, object?>> { new("sub", user.Id.ToString()) };
        if (Scopes.Has(scope, Scopes.Profile))
        {
            var fields = ProfileFields.From(user, profile);
            list.Add(new("name", user.ProfileName));
            list.Add(new("given_name", user.FirstName));
            list.Add(new("family_name", user.LastName));
            list.Add(new("nickname", fields.DisplayName));
            list.Add(new("preferred_username", user.Username));
            list.Add(new("picture", user.AvatarUrl));
            list.Add(new("website", fields.Website));
            list.Add(new("gender", fields.Gender));
            list.Add(new("birthdate", fields.DateOfBirth));
            list.Add(new("zoneinfo", fields.Timezone));
            list.Add(new("locale", fields.Locale));
            list.Add(new("updated_at", new DateTimeOffset(user.UpdatedAt, TimeSpan.Zero).ToUnixTimeSeconds()));
        }
        if (Scopes.Has(scope, Scopes.Address) && PostalAddress.FromJson(profile.Address) is { IsEmpty: false } address)
            list.Add(new("address", address));
        if (Scopes.Has(scope, Scopes.Phone) && user.PhoneNumber is { } phone)
        {
            list.Add(new("phone_number", phone));
            list.Add(new("phone_number_verified", user.PhoneNumberVerified));
        }
        if (Scopes.Has(scope, Scopes.Email))
        {
            list.Add(new("email", user.Email));
            list.Add(new("email_verified", user.EmailVerified));
        }
        return list.Where(c => c.Value is not null).ToList();
    }
}
