using Latchkey.Core.Common;
using Latchkey.Core.Licensing;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>The grant form as typed: whose license (an account id), which plan, and what differs from the plan.</summary>
public sealed record GrantForm(string? UserId, string? Plan, string? Seats, string? TrialDays)
{
    public static readonly GrantForm Empty = new(null, null, null, null);

    public static GrantForm From(IFormCollection form) =>
        new(AdminQuery.Value(form["userId"]), AdminQuery.Value(form["plan"]), AdminQuery.Value(form["seats"]), AdminQuery.Value(form["trialDays"]));

    public Result<LicenseGrant> Grant()
    {
        Guid? user = null;
        if (UserId is not null)
        {
            if (!Guid.TryParse(UserId, out var id)) return AuthError.Field("userId", "Account id must be an account's id");
            user = id;
        }
        if (!FormNumbers.TryRead(Seats, "seats", "Seats", out var seats, out var error)
            || !FormNumbers.TryRead(TrialDays, "trialDays", "Trial days", out var trial, out error)) return error!;
        return new LicenseGrant(user, Plan, seats, trial);
    }
}

/// <summary>
/// A license's change form as typed: a new status (suspend, revoke, reactivate), seats, and a new end date (a renewal).
/// Empty fields stay as they are.
/// </summary>
public sealed record LicenseChangeForm(string? Status, string? Seats, string? EndsAt)
{
    public static LicenseChangeForm Of(License l) => new(l.Status, null, l.EndsAt?.ToString("yyyy-MM-dd"));

    public static LicenseChangeForm From(IFormCollection form) =>
        new(AdminQuery.Value(form["status"]), AdminQuery.Value(form["seats"]), AdminQuery.Value(form["endsAt"]));

    /// <summary>The change; the status is sent only when it differs from the stored one, so saving seats does not restart the term.</summary>
    public Result<LicenseChange> Change(License current)
    {
        if (!FormNumbers.TryRead(Seats, "seats", "Seats", out var seats, out var error)) return error!;
        if (!AdminQuery.TryDate(EndsAt, wholeDay: false, out var endsAt)) return AuthError.Field("endsAt", "Ends on must be a date (YYYY-MM-DD)");
        var endsChanged = endsAt is not null && endsAt != current.EndsAt?.Date;
        return new LicenseChange(Status == current.Status ? null : Status, seats, endsChanged ? endsAt : null);
    }
}
