using System.Text;
using Latchkey.Core.Common;

namespace Latchkey.Api.Nube;

/// <summary>
/// The account core names fields in the Platform seed's snake_case (<c>first_name</c>); the Nube seed's bodies
/// are camelCase (<c>firstName</c>). A validation error from the core is renamed here so its <c>details</c>
/// name the field the Nube client sent.
/// </summary>
internal static class NubeFieldNames
{
    public static AuthError Camel(AuthError error)
    {
        if (error.Details is not { Count: > 0 } details) return error;
        var message = error.Message;
        var renamed = new Dictionary<string, string>(details.Count);
        foreach (var (field, text) in details)
        {
            var camel = Camel(field);
            renamed[camel] = text.Replace(field, camel, StringComparison.Ordinal);
            message = message.Replace(field, camel, StringComparison.Ordinal);
        }
        return error with { Message = message, Details = renamed };
    }

    public static string Camel(string snake)
    {
        if (!snake.Contains('_')) return snake;
        var name = new StringBuilder(snake.Length);
        var upper = false;
        foreach (var c in snake)
        {
            if (c == '_') { upper = true; continue; }
            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return name.ToString();
    }
}
