using Latchkey.Core.Account;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Account;

/// <summary>One profile field of the console's form, named as the Platform API names it (so a refusal's details point at it).</summary>
internal sealed record ProfileInput(string Name, string Label, string? Autocomplete, string Type = "text", string? Hint = null);

/// <summary>
/// The profile form's fields, and the two ways they are filled: from the stored profile, or from what was posted.
/// The address fields are named as the API's error details name them (<c>address.locality</c>); social links are rows
/// of a network name and its URL (<c>social_name_0</c>, <c>social_url_0</c>, ...), the API's <c>social_links</c> object.
/// </summary>
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
    ];

    /// <summary>The OIDC address structure (OIDC Core §5.1.1), member by member.</summary>
    public static readonly IReadOnlyList<ProfileInput> Address =
    [
        new("address.street_address", "Street address", "street-address"),
        new("address.locality", "City", "address-level2"),
        new("address.region", "Region or state", "address-level1"),
        new("address.postal_code", "Postal code", "postal-code"),
        new("address.country", "Country", "country-name"),
        new("address.formatted", "The whole address as printed on a letter", null, Hint: "Optional, when the parts above do not fit."),
    ];

    /// <summary>Blank social-link rows offered after the stored ones.</summary>
    private const int BlankSocialRows = 2;

    public static Dictionary<string, string?> From(ProfileSnapshot snapshot)
    {
        var f = ProfileFields.From(snapshot.User, snapshot.Profile);
        var a = f.Address ?? new PostalAddress();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["username"] = f.Username, ["display_name"] = f.DisplayName, ["first_name"] = f.FirstName, ["last_name"] = f.LastName,
            ["bio"] = f.Bio, ["date_of_birth"] = f.DateOfBirth, ["gender"] = f.Gender, ["company"] = f.Company, ["job_title"] = f.JobTitle,
            ["website"] = f.Website, ["location"] = f.Location,
            ["address.street_address"] = a.StreetAddress, ["address.locality"] = a.Locality, ["address.region"] = a.Region,
            ["address.postal_code"] = a.PostalCode, ["address.country"] = a.Country, ["address.formatted"] = a.Formatted,
        };
        var links = f.SocialLinks?.ToList() ?? [];
        var rows = Math.Min(links.Count + BlankSocialRows, ProfileValidator.MaxSocialLinks);
        for (var i = 0; i < Math.Max(rows, links.Count); i++)
        {
            values[SocialName(i)] = i < links.Count ? links[i].Key : null;
            values[SocialUrl(i)] = i < links.Count ? links[i].Value : null;
        }
        return values;
    }

    public static Dictionary<string, string?> From(IFormCollection form)
    {
        var values = All.Concat(Address).ToDictionary(i => i.Name, i => (string?)form[i.Name].ToString(), StringComparer.Ordinal);
        // Only the rows the page offered come back; more than the limit is cut, and the validator counts what is left.
        for (var i = 0; i < ProfileValidator.MaxSocialLinks + 1 && form.ContainsKey(SocialName(i)); i++)
        {
            values[SocialName(i)] = form[SocialName(i)].ToString();
            values[SocialUrl(i)] = form[SocialUrl(i)].ToString();
        }
        return values;
    }

    public static string SocialName(int row) => $"social_name_{row}";

    public static string SocialUrl(int row) => $"social_url_{row}";

    public static int SocialRows(IReadOnlyDictionary<string, string?> values)
    {
        var rows = 0;
        while (values.ContainsKey(SocialName(rows))) rows++;
        return rows;
    }

    /// <summary>
    /// The change the form asks for. The form always carries every field, so an emptied one clears its value, as an
    /// empty string (or empty object) does in the API. A social row with neither name nor URL is no link; a name given
    /// twice is refused here, since the API's object cannot hold it twice either.
    /// </summary>
    public static (ProfileUpdate? Update, string? DuplicateNetwork) ToUpdate(IReadOnlyDictionary<string, string?> v)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < SocialRows(v); i++)
        {
            var (name, url) = (v[SocialName(i)]?.Trim() ?? "", v[SocialUrl(i)]?.Trim() ?? "");
            if (name.Length == 0 && url.Length == 0) continue;
            if (!links.TryAdd(name, url)) return (null, name);
        }
        var address = new PostalAddress(Text(v, "address.formatted"), Text(v, "address.street_address"), Text(v, "address.locality"),
            Text(v, "address.region"), Text(v, "address.postal_code"), Text(v, "address.country"));
        return (new ProfileUpdate(
            Username: v["username"], DisplayName: v["display_name"], FirstName: v["first_name"], LastName: v["last_name"], Bio: v["bio"],
            DateOfBirth: v["date_of_birth"], Gender: v["gender"], Company: v["company"], JobTitle: v["job_title"], Website: v["website"],
            Location: v["location"], Address: address, SocialLinks: links), null);
    }

    // An empty part is no part: the stored address keeps only what was given.
    private static string? Text(IReadOnlyDictionary<string, string?> v, string name) => v.GetValueOrDefault(name) is { Length: > 0 } text ? text : null;
}
