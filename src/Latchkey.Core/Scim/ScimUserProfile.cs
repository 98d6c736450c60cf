namespace Latchkey.Core.Scim;

/// <summary>
/// The SCIM attributes a Latchkey account has no column for, one row per provisioned user (SCIM owns the table;
/// the account keeps email, names, phone, display name, locale and the disabled flag, its profile the title and time
/// zone: decision 78). Deleted with the account.
/// </summary>
public sealed class ScimUserProfile
{
    public const int MaxLength = 256;

    public Guid UserId { get; set; }
    /// <summary>The identity provider's identifier for the user (case-exact, RFC 7643 §3.1).</summary>
    public string? ExternalId { get; set; }
    /// <summary>The OAuth client whose token provisioned the account.</summary>
    public Guid? ClientRowId { get; set; }
    public string? MiddleName { get; set; }
    public string? HonorificPrefix { get; set; }
    public string? HonorificSuffix { get; set; }
    public string? NickName { get; set; }
    public string? ProfileUrl { get; set; }
    public string? UserType { get; set; }
    public string? PreferredLanguage { get; set; }
    /// <summary>
    /// The BCP 47 tag as sent, such as <c>en-US</c>. The account's own locale (two letters, what every surface serves
    /// the user in) takes its language subtag when the server offers that language.
    /// </summary>
    public string? Locale { get; set; }
    public string? EmailType { get; set; }
    public string? PhoneType { get; set; }
    public string? EmployeeNumber { get; set; }
    public string? CostCenter { get; set; }
    public string? Organization { get; set; }
    public string? Division { get; set; }
    public string? Department { get; set; }
    /// <summary>The SCIM id of the user's manager (Enterprise extension <c>manager.value</c>).</summary>
    public string? ManagerId { get; set; }
}
