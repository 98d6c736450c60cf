using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Users;

/// <summary>
/// Bound from <c>Latchkey:Users</c>: what a new account gets when its sign-up does not say, and what a
/// sign-up may ask for. A client may narrow its roles to a subset of <see cref="AllowedRoles"/>, never widen them.
/// </summary>
public sealed class UserDefaultsOptions
{
    [Required, RegularExpression(UserRoles.RolePattern)]
    public string DefaultRole { get; set; } = "user";

    [MinLength(1)]
    public string[] AllowedRoles { get; set; } = ["user", "me"];

    [Required, RegularExpression("^[a-z]{2}$")]
    public string DefaultLocale { get; set; } = "en";

    [MinLength(1)]
    public string[] AllowedLocales { get; set; } = ["en"];

    /// <summary>Anonymous sign-in (guest accounts) is off unless enabled, as in Nhost.</summary>
    public bool AnonymousSignInEnabled { get; set; }
}
