using Latchkey.Core.Common;

namespace Latchkey.Core.Scim;

/// <summary>
/// SCIM's error detail (RFC 7644 §3.12): the core error carries the <c>scimType</c> in its details, so the
/// surface's one translator can write it. The status SCIM has and the shared codes do not (412) gets its own code.
/// </summary>
public static class ScimErrors
{
    public const string ScimTypeKey = "scimType";
    /// <summary>412: the resource's version is not the one in <c>If-Match</c>.</summary>
    public const string PreconditionFailed = "scim_precondition_failed";

    public static AuthError Invalid(string scimType, string message) =>
        new(AuthErrorCodes.ValidationFailed, message, new Dictionary<string, string> { [ScimTypeKey] = scimType });

    public static AuthError InvalidFilter(string message) => Invalid(ScimTypes.InvalidFilter, message);
    public static AuthError InvalidValue(string message) => Invalid(ScimTypes.InvalidValue, message);
    public static AuthError InvalidPath(string message) => Invalid(ScimTypes.InvalidPath, message);
    public static AuthError InvalidSyntax(string message) => Invalid(ScimTypes.InvalidSyntax, message);
    public static AuthError Mutability(string message) => Invalid(ScimTypes.Mutability, message);
    public static AuthError NoTarget(string message) => Invalid(ScimTypes.NoTarget, message);
    public static AuthError TooMany(string message) => Invalid(ScimTypes.TooMany, message);

    public static AuthError Uniqueness(string message) =>
        new(AuthErrorCodes.Conflict, message, new Dictionary<string, string> { [ScimTypeKey] = ScimTypes.Uniqueness });

    public static AuthError NotFound(string what) => new(AuthErrorCodes.NotFound, $"{what} not found");

    public static readonly AuthError VersionMismatch = new(PreconditionFailed, "The resource has changed since the version in If-Match");
}

/// <summary>The <c>scimType</c> keywords of RFC 7644 Table 9.</summary>
public static class ScimTypes
{
    public const string InvalidFilter = "invalidFilter";
    public const string TooMany = "tooMany";
    public const string Uniqueness = "uniqueness";
    public const string Mutability = "mutability";
    public const string InvalidSyntax = "invalidSyntax";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidValue = "invalidValue";
    public const string InvalidVersion = "invalidVers";
    public const string Sensitive = "sensitive";
}
