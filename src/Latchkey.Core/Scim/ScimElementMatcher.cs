using System.Text.Json;
using System.Text.Json.Nodes;

namespace Latchkey.Core.Scim;

/// <summary>
/// Evaluates a value filter (<c>emails[type eq "work"]</c>, <c>members[value eq "…"]</c>) against the elements of a
/// multi-valued attribute in a document being patched; strings compare case-insensitively.
/// </summary>
public static class ScimElementMatcher
{
    public static bool Matches(JsonNode? element, ScimFilter filter) => filter switch
    {
        ScimAnd and => Matches(element, and.Left) && Matches(element, and.Right),
        ScimOr or => Matches(element, or.Left) || Matches(element, or.Right),
        ScimNot not => !Matches(element, not.Inner),
        ScimComparison c => Compare(Read(element, c.Path), c.Operator, c.Value),
        _ => false,
    };

    /// <summary>The attributes a filter of the form <c>a eq "x" and b eq "y"</c> pins, for creating the element it names; null otherwise.</summary>
    public static JsonObject? Template(ScimFilter filter)
    {
        var template = ScimJson.Object();
        return Collect(filter, template) ? template : null;
    }

    private static bool Collect(ScimFilter filter, JsonObject into) => filter switch
    {
        ScimAnd and => Collect(and.Left, into) && Collect(and.Right, into),
        ScimComparison { Operator: ScimOperator.Eq, Path.SubAttr: null } c => Put(into, c.Path.Name, c.Value),
        _ => false,
    };

    private static bool Put(JsonObject into, string name, object? value)
    {
        into[name] = value switch { string s => s, bool b => b, decimal d => d, _ => null };
        return true;
    }

    private static JsonNode? Read(JsonNode? element, ScimAttrPath path)
    {
        // A primitive array element (rare) is its own "value".
        if (element is not JsonObject obj) return path.Name.Equals("value", StringComparison.OrdinalIgnoreCase) ? element : null;
        var node = obj[path.Name];
        return path.SubAttr is null ? node : (node as JsonObject)?[path.SubAttr];
    }

    private static bool Compare(JsonNode? actual, ScimOperator op, object? expected)
    {
        if (op == ScimOperator.Pr) return actual is not null && !(actual is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0);
        if (actual is not JsonValue value) return expected is null ? op == ScimOperator.Eq : op == ScimOperator.Ne;
        var order = value.GetValueKind() switch
        {
            JsonValueKind.String when expected is string s => string.Compare(value.GetValue<string>(), s, StringComparison.OrdinalIgnoreCase),
            JsonValueKind.True or JsonValueKind.False when expected is bool b => value.GetValue<bool>() == b ? 0 : 1,
            JsonValueKind.Number when expected is decimal d => value.GetValue<decimal>().CompareTo(d),
            _ => (int?)null,
        };
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return op switch
        {
            ScimOperator.Eq => order == 0,
            ScimOperator.Ne => order != 0,
            ScimOperator.Gt => order > 0,
            ScimOperator.Ge => order >= 0,
            ScimOperator.Lt => order < 0,
            ScimOperator.Le => order <= 0,
            ScimOperator.Co => text is not null && expected is string c && text.Contains(c, StringComparison.OrdinalIgnoreCase),
            ScimOperator.Sw => text is not null && expected is string sw && text.StartsWith(sw, StringComparison.OrdinalIgnoreCase),
            ScimOperator.Ew => text is not null && expected is string ew && text.EndsWith(ew, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

}
