namespace Latchkey.Core.Scim;

/// <summary>The comparison operators of RFC 7644 §3.4.2.2 (<c>pr</c> takes no value).</summary>
public enum ScimOperator { Eq, Ne, Co, Sw, Ew, Gt, Ge, Lt, Le, Pr }

/// <summary>
/// An attribute path: an optional schema URN, an attribute and an optional sub-attribute
/// (<c>urn:ietf:params:scim:schemas:core:2.0:User:name.givenName</c>). Names are compared case-insensitively.
/// </summary>
public sealed record ScimAttrPath(string? Schema, string Name, string? SubAttr)
{
    public override string ToString() => (Schema is null ? "" : Schema + ":") + Name + (SubAttr is null ? "" : "." + SubAttr);
}

/// <summary>A parsed filter: a tree the stores translate into a parameterised query, never into SQL text.</summary>
public abstract record ScimFilter;

/// <summary><c>attrPath op value</c>; <see cref="Value"/> is a string, a decimal, a bool or null (and null for <c>pr</c>).</summary>
public sealed record ScimComparison(ScimAttrPath Path, ScimOperator Operator, object? Value) : ScimFilter;

public sealed record ScimAnd(ScimFilter Left, ScimFilter Right) : ScimFilter;

public sealed record ScimOr(ScimFilter Left, ScimFilter Right) : ScimFilter;

public sealed record ScimNot(ScimFilter Inner) : ScimFilter;

/// <summary><c>emails[type eq "work"]</c>: <see cref="Inner"/>'s paths are sub-attributes of the multi-valued <see cref="Path"/>.</summary>
public sealed record ScimValuePath(ScimAttrPath Path, ScimFilter Inner) : ScimFilter;
