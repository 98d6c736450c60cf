using Latchkey.Core.Account;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Account;

/// <summary>One profile field of the console's form, named as the Platform API names it (so a refusal's details point at it).</summary>
internal sealed record ProfileInput(string Name, string Label, string? Autocomplete, string Type = "text", string? Hint = null);

/// <summary>The profile form's fields, and the two ways they are filled: from the stored profile, or from what was posted.</summary>
internal static class ProfileInputs
{
    public static readonly IReadOnlyList<ProfileInput> All =
    [
        new("username", "Username", "username", Hint: "3 to 64 letters, digits, '.', '-' or '_'."),
        new("display_name", "Display name", "nickname"),
        new("first_name", "First name", "given-name"),
        new("last_name", "Last name", "family-name"),
        new("bio", "About you", null),
        new("date_of_birth", "Date of birth", "bday", "date", "Written YYYY-MM-DD."),
        new("gender", "Gender", "sex"),
        new("company", "Company", "organization"),
        new("job_title", "Job title", "organization-title"),
        new("website", "Website", "url", "url", "An address starting with https:// or http://."),
        new("location", "Location", null),
        new("locale", "Language", "language"),
        new("timezone", "Time zone", null, Hint: "An IANA time zone such as Europe/Paris."),
    ];

    public static Dictionary<string, string?> From(ProfileSnapshot snapshot)
    {
        var f = ProfileFields.From(snapshot.User, snapshot.Profile);
        return new(StringComparer.Ordinal)
        {
            ["username"] = f.Username, ["display_name"] = f.DisplayName, ["first_name"] = f.FirstName, ["last_name"] = f.LastName,
            ["bio"] = f.Bio, ["date_of_birth"] = f.DateOfBirth, ["gender"] = f.Gender, ["company"] = f.Company, ["job_title"] = f.JobTitle,
            ["website"] = f.Website, ["location"] = f.Location, ["locale"] = f.Locale, ["timezone"] = f.Timezone,
        };
    }

    public static Dictionary<string, string?> From(IFormCollection form) =>
        All.ToDictionary(i => i.Name, i => (string?)form[i.Name].ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The change the form asks for. The form always carries every field, so an emptied one clears its value, as an
    /// empty string does in the API.
    /// </summary>
    public static ProfileUpdate ToUpdate(IReadOnlyDictionary<string, string?> v) => new(
        Username: v["username"], DisplayName: v["display_name"], FirstName: v["first_name"], LastName: v["last_name"], Bio: v["bio"],
        DateOfBirth: v["date_of_birth"], Gender: v["gender"], Company: v["company"], JobTitle: v["job_title"], Website: v["website"],
        Location: v["location"], Locale: v["locale"], Timezone: v["timezone"]);
}
