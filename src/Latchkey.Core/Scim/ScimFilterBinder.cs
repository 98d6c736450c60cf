using System.Globalization;
using Latchkey.Core.Common;

namespace Latchkey.Core.Scim;

/// <summary>
/// Binds a parsed filter to a resource's fields (<see cref="ScimUserFields"/>, <see cref="ScimGroupFields"/>), refusing
/// what cannot be answered from an index-backed column with <c>invalidFilter</c>: an unknown or unfilterable
/// attribute, a value of the wrong kind, an ordering or substring operator on a boolean.
/// </summary>
public static class ScimFilterBinder
{
    public delegate ScimFieldInfo<TField>? Resolver<TField>(ScimAttrPath path, ScimAttrPath? parent) where TField : struct, Enum;

    public static Result<ScimCondition<TField>> Bind<TField>(ScimFilter filter, Resolver<TField> resolve) where TField : struct, Enum
    {
        try
        {
            return Result<ScimCondition<TField>>.Ok(BindNode(filter, null, resolve));
        }
        catch (BindException ex)
        {
            return ScimErrors.InvalidFilter(ex.Message);
        }
    }

    public static Result<ScimCondition<TField>?> ParseAndBind<TField>(string? filter, Resolver<TField> resolve) where TField : struct, Enum
    {
        if (filter is null) return Result<ScimCondition<TField>?>.Ok(null);
        var parsed = ScimFilterParser.Parse(filter);
        if (!parsed.IsSuccess) return parsed.Error;
        var bound = Bind(parsed.Value, resolve);
        return bound.IsSuccess ? bound.Value : bound.Error;
    }

    private static ScimCondition<TField> BindNode<TField>(ScimFilter node, ScimAttrPath? parent, Resolver<TField> resolve) where TField : struct, Enum =>
        node switch
        {
            ScimAnd and => new ScimAllOf<TField>(BindNode(and.Left, parent, resolve), BindNode(and.Right, parent, resolve)),
            ScimOr or => new ScimAnyOf<TField>(BindNode(or.Left, parent, resolve), BindNode(or.Right, parent, resolve)),
            ScimNot not => new ScimNoneOf<TField>(BindNode(not.Inner, parent, resolve)),
            ScimValuePath vp when parent is null => BindNode(vp.Inner, vp.Path, resolve),
            ScimValuePath => throw new BindException("Value filters cannot be nested"),
            ScimComparison c => BindComparison(c, parent, resolve),
            _ => throw new BindException("Unsupported filter"),
        };

    private static ScimFieldTest<TField> BindComparison<TField>(ScimComparison c, ScimAttrPath? parent, Resolver<TField> resolve) where TField : struct, Enum
    {
        var name = parent is null ? c.Path.ToString() : $"{parent}[{c.Path}]";
        var field = resolve(c.Path, parent) ?? throw new BindException($"The attribute '{name}' is unknown or cannot be filtered on");
        if (c.Operator == ScimOperator.Pr) return new ScimFieldTest<TField>(field, c.Operator, null);
        if (field.EqualityOnly && c.Operator is not (ScimOperator.Eq or ScimOperator.Ne))
            throw new BindException($"'{name}' is an identifier: only eq, ne and pr apply");
        if (c.Value is null)
        {
            if (c.Operator is ScimOperator.Eq or ScimOperator.Ne) return new ScimFieldTest<TField>(field, c.Operator, null);
            throw new BindException($"'{c.Operator.ToString().ToLowerInvariant()} null' is not a comparison");
        }
        return new ScimFieldTest<TField>(field, c.Operator, field.Kind switch
        {
            ScimValueKind.String => c.Value as string ?? throw WrongKind(name, "a string"),
            ScimValueKind.Boolean => c.Operator is ScimOperator.Eq or ScimOperator.Ne
                ? c.Value as bool? ?? throw WrongKind(name, "true or false")
                : throw new BindException($"'{name}' is a boolean: only eq, ne and pr apply"),
            _ when c.Operator is ScimOperator.Co or ScimOperator.Sw or ScimOperator.Ew
                => throw new BindException($"'{name}' is a date-time: co, sw and ew do not apply"),
            _ => c.Value is string text && DateTime.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when)
                ? DateTime.SpecifyKind(when, DateTimeKind.Utc)
                : throw WrongKind(name, "an RFC 3339 date-time string"),
        });
    }

    private static BindException WrongKind(string name, string expected) => new($"'{name}' compares with {expected}");

    private sealed class BindException(string message) : Exception(message);
}
