using System.Text.Json;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Users;

/// <summary>What a signed-in user changes on their own profile; null fields stay as they are.</summary>
public sealed record ProfileChange(string? FirstName = null, string? LastName = null, string? DisplayName = null, string? Locale = null, JsonElement? Metadata = null);

/// <summary>
/// The user's own profile changes: names, display name, locale and metadata, checked by the same rules as a
/// sign-up's profile (<see cref="UserProfile"/>), recorded in the activity log with the names of the fields changed.
/// </summary>
public sealed class ProfileUpdateService(IUserStore users, ActivityLog activity, IUnitOfWork unitOfWork, IOptions<UserDefaultsOptions> defaults, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<Result<User>> UpdateAsync(Guid userId, ProfileChange change, RequestContext context, CancellationToken ct)
    {
        if ((Name("firstName", change.FirstName) ?? Name("lastName", change.LastName)) is { } badName) return badName;
        if (UserProfile.Validate(new ProfileRequest(change.DisplayName, change.Locale, change.Metadata), defaults.Value) is { } invalid) return invalid;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");

        var changed = new List<string>();
        if (change.FirstName is { } first) { user.FirstName = first.Trim(); changed.Add("firstName"); }
        if (change.LastName is { } last) { user.LastName = last.Trim(); changed.Add("lastName"); }
        if (change.DisplayName is { } display) { user.ChosenDisplayName = display; changed.Add("displayName"); }
        if (change.Locale is { } locale) { user.Locale = locale; changed.Add("locale"); }
        if (change.Metadata is { } metadata) { user.Metadata = metadata.GetRawText(); changed.Add("metadata"); }
        if (changed.Count == 0) return user;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        activity.Record(ActivityTypes.ProfileUpdated, user.Id, context, details: new { changed });
        await unitOfWork.SaveChangesAsync(ct);
        return user;
    }

    private static AuthError? Name(string field, string? value) =>
        value is not null && (value.Trim().Length is 0 or > MaxNameLength || value.Any(char.IsControl))
            ? AuthError.Field(field, $"{field} must be 1 to {MaxNameLength} characters without control characters")
            : null;
}
