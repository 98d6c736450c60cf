namespace Latchkey.Core.Common;

/// <summary>
/// A failure the core reports to a surface. <see cref="Code"/> is stable and machine-readable;
/// each surface's translator maps it to its own status and body. <see cref="Message"/> is safe to show.
/// </summary>
public sealed record AuthError(string Code, string Message, IReadOnlyDictionary<string, string>? Details = null)
{
    public static AuthError Validation(string message, IReadOnlyDictionary<string, string>? details = null) =>
        new(AuthErrorCodes.ValidationFailed, message, details);

    public static AuthError Field(string field, string message) =>
        new(AuthErrorCodes.ValidationFailed, message, new Dictionary<string, string> { [field] = message });
}
