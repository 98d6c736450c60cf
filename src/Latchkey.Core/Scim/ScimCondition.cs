namespace Latchkey.Core.Scim;

/// <summary>
/// A filter bound to a resource's columns: every path resolved to a field and every value checked against
/// the field's kind (a string, a bool, a UTC DateTime, or null). Stores turn it into a parameterised query.
/// </summary>
public abstract record ScimCondition<TField> where TField : struct, Enum;

public sealed record ScimFieldTest<TField>(ScimFieldInfo<TField> Field, ScimOperator Operator, object? Value) : ScimCondition<TField>
    where TField : struct, Enum;

public sealed record ScimAllOf<TField>(ScimCondition<TField> Left, ScimCondition<TField> Right) : ScimCondition<TField> where TField : struct, Enum;

public sealed record ScimAnyOf<TField>(ScimCondition<TField> Left, ScimCondition<TField> Right) : ScimCondition<TField> where TField : struct, Enum;

public sealed record ScimNoneOf<TField>(ScimCondition<TField> Inner) : ScimCondition<TField> where TField : struct, Enum;
