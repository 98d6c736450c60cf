using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Users;

/// <summary>
/// Guest accounts: a user with no credential and the single role <c>anonymous</c>, signed in at once.
/// Every account needs a unique email, so a guest gets one under <c>.invalid</c> (RFC 2606: never
/// deliverable, never a real address); surfaces show guests without an email.
/// </summary>
public sealed class AnonymousSignInService(
    IUserStore users,
    SessionStarter sessions,
    ActivityLog activity,
    IOptions<UserDefaultsOptions> defaults,
    TimeProvider clock)
{
    public const string PlaceholderDomain = "anonymous.invalid";

    public async Task<Result<StartedSession>> SignInAsync(ProfileRequest profile, string sessionKind, RequestContext context, CancellationToken ct)
    {
        if (!defaults.Value.AnonymousSignInEnabled)
            return new AuthError(AuthErrorCodes.FeatureDisabled, "Anonymous sign-in is disabled");
        // A guest chooses neither roles nor anything else that grants access: only how it is shown.
        var shown = profile with { AllowedRoles = null, DefaultRole = null };
        if (UserProfile.Validate(shown, defaults.Value) is { } invalid) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Ids.New();
        var email = $"guest-{id:N}@{PlaceholderDomain}";
        var user = new User
        {
            Id = id,
            Email = email,
            NormalizedEmail = UserNormalizer.NormalizeEmail(email),
            IsAnonymous = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        UserProfile.Apply(user, shown, defaults.Value);
        users.Add(user);
        activity.Record(ActivityTypes.UserRegistered, user.Id, context, details: new { method = AuthMethods.Anonymous });
        return await sessions.StartAsync(user, sessionKind, AuthMethods.Anonymous, context, ct);
    }
}
