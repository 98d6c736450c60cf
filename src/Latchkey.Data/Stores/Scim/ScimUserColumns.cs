using System.Linq.Expressions;
using Latchkey.Core.Scim;

namespace Latchkey.Data.Stores.Scim;

/// <summary>The column behind each filterable User attribute (see <see cref="ScimUserFields"/>).</summary>
internal static class ScimUserColumns
{
    public static LambdaExpression For(ScimUserField field) => field switch
    {
        ScimUserField.UserName => Text(r => r.User.NormalizedUsername ?? r.User.NormalizedEmail),
        ScimUserField.Email => Text(r => r.User.NormalizedEmail),
        ScimUserField.ExternalId => Text(r => r.Profile!.ExternalId),
        ScimUserField.DisplayName => Text(r => r.User.ChosenDisplayName),
        ScimUserField.GivenName => Text(r => r.User.FirstName),
        ScimUserField.FamilyName => Text(r => r.User.LastName),
        ScimUserField.MiddleName => Text(r => r.Profile!.MiddleName),
        ScimUserField.NickName => Text(r => r.Profile!.NickName),
        ScimUserField.Title => Text(r => r.Account!.JobTitle),
        ScimUserField.UserType => Text(r => r.Profile!.UserType),
        // ScimLocale.Shown in SQL: the tag sent while the account's language is its language subtag (or none).
        ScimUserField.Locale => Text(r => r.Profile!.Locale != null && (r.User.Locale == null || r.Profile.Locale.ToLower() == r.User.Locale
            || r.Profile.Locale.ToLower().StartsWith(r.User.Locale + "-") || r.Profile.Locale.ToLower().StartsWith(r.User.Locale + "_"))
            ? r.Profile.Locale : r.User.Locale),
        ScimUserField.Timezone => Text(r => r.Account!.TimeZone),
        ScimUserField.PreferredLanguage => Text(r => r.Profile!.PreferredLanguage),
        ScimUserField.EmailType => Text(r => r.Profile!.EmailType ?? "work"),
        ScimUserField.Phone => Text(r => r.User.PhoneNumber),
        ScimUserField.PhoneType => Text(r => r.User.PhoneNumber == null ? null : r.Profile!.PhoneType ?? "work"),
        ScimUserField.EmployeeNumber => Text(r => r.Profile!.EmployeeNumber),
        ScimUserField.CostCenter => Text(r => r.Profile!.CostCenter),
        ScimUserField.Organization => Text(r => r.Profile!.Organization),
        ScimUserField.Division => Text(r => r.Profile!.Division),
        ScimUserField.Department => Text(r => r.Profile!.Department),
        ScimUserField.ManagerId => Text(r => r.Profile!.ManagerId),
        ScimUserField.Active => Flag(r => !r.User.Disabled),
        ScimUserField.EmailPrimary => Flag(r => true),
        ScimUserField.Created => Time(r => r.User.CreatedAt),
        ScimUserField.LastModified => Time(r => r.User.UpdatedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a column"),
    };

    private static Expression<Func<ScimUserRow, string?>> Text(Expression<Func<ScimUserRow, string?>> e) => e;
    private static Expression<Func<ScimUserRow, bool>> Flag(Expression<Func<ScimUserRow, bool>> e) => e;
    private static Expression<Func<ScimUserRow, DateTime>> Time(Expression<Func<ScimUserRow, DateTime>> e) => e;

    /// <summary>Tests the generic comparison cannot express: ids are UUIDs, and <c>userName eq</c> takes the unique index it names.</summary>
    public static Expression<Func<ScimUserRow, bool>>? Special(ScimFieldTest<ScimUserField> test)
    {
        if (test.Field.Field == ScimUserField.Id)
        {
            if (test.Operator == ScimOperator.Pr) return r => true;
            var id = Guid.TryParse(test.Value as string, out var parsed) ? parsed : (Guid?)null;
            return (test.Operator, id) switch
            {
                (ScimOperator.Eq, null) => r => false,
                (ScimOperator.Ne, null) => r => true,
                (ScimOperator.Eq, _) => r => r.User.Id == id!.Value,
                _ => r => r.User.Id != id!.Value,
            };
        }
        if (test is { Field.Field: ScimUserField.UserName, Operator: ScimOperator.Eq, Value: string name })
        {
            var (normalized, emailShaped) = UserNameKey(name);
            return emailShaped
                ? r => r.User.NormalizedEmail == normalized && r.User.NormalizedUsername == null
                : r => r.User.NormalizedUsername == normalized;
        }
        return null;
    }

    /// <summary>A userName as stored (trimmed, upper-case); an email-shaped one is the address of an account without a username.</summary>
    public static (string Key, bool EmailShaped) UserNameKey(string name)
    {
        var normalized = name.Trim().ToUpperInvariant();
        return (normalized, normalized.Contains('@'));
    }
}
