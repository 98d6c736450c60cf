using System.Linq.Expressions;
using Latchkey.Core.Scim;
using Microsoft.EntityFrameworkCore.Query;

namespace Latchkey.Data.Stores.Scim;

/// <summary>
/// Turns a bound SCIM filter into a LINQ predicate over a row type: each test becomes a comparison of one column
/// with a captured value, which EF Core sends as a query parameter. No filter text ever reaches SQL.
/// </summary>
internal static class ScimPredicates<TRow, TField> where TField : struct, Enum
{
    /// <summary>The predicate for one field test, or null to use the generic column comparison.</summary>
    public delegate Expression<Func<TRow, bool>>? Special(ScimFieldTest<TField> test);

    public static Expression<Func<TRow, bool>> Build(ScimCondition<TField> condition, Func<TField, LambdaExpression> column, Special special)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, bool>>(Body(condition, row, column, special), row);
    }

    private static Expression Body(ScimCondition<TField> condition, ParameterExpression row, Func<TField, LambdaExpression> column, Special special) =>
        condition switch
        {
            ScimAllOf<TField> all => Expression.AndAlso(Body(all.Left, row, column, special), Body(all.Right, row, column, special)),
            ScimAnyOf<TField> any => Expression.OrElse(Body(any.Left, row, column, special), Body(any.Right, row, column, special)),
            ScimNoneOf<TField> none => Expression.Not(Body(none.Inner, row, column, special)),
            ScimFieldTest<TField> test => Inline(special(test) ?? Compare(test, column(test.Field.Field)), row),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };

    private static Expression Inline(LambdaExpression lambda, ParameterExpression row) =>
        ReplacingExpressionVisitor.Replace(lambda.Parameters[0], row, lambda.Body);

    /// <summary><paramref name="selector"/>'s column compared as the field's kind says; case-insensitive strings through upper().</summary>
    private static Expression<Func<TRow, bool>> Compare(ScimFieldTest<TField> test, LambdaExpression selector)
    {
        var value = selector.Body;
        LambdaExpression predicate = test.Field.Kind switch
        {
            ScimValueKind.Boolean => BoolTest(test.Operator, test.Value as bool?),
            ScimValueKind.DateTime => DateTest(test.Operator, test.Value as DateTime?),
            _ when test.Field.CaseExact => StringTest(test.Operator, test.Value as string),
            _ => StringTest(test.Operator, (test.Value as string)?.ToUpperInvariant()),
        };
        if (test.Field.Kind == ScimValueKind.String && !test.Field.CaseExact && !IsNormalized(selector.Body))
            value = Expression.Call(value, typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!);
        var body = ReplacingExpressionVisitor.Replace(predicate.Parameters[0], value, predicate.Body);
        return Expression.Lambda<Func<TRow, bool>>(body, selector.Parameters[0]);
    }

    /// <summary>Columns already held upper-case (normalized email and username) are compared as they are, so their indexes serve.</summary>
    private static bool IsNormalized(Expression column) => column switch
    {
        MemberExpression member => member.Member.Name.StartsWith("Normalized", StringComparison.Ordinal),
        BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce => IsNormalized(coalesce.Left) && IsNormalized(coalesce.Right),
        _ => false,
    };

    private static Expression<Func<string?, bool>> StringTest(ScimOperator op, string? v) => op switch
    {
        ScimOperator.Eq when v is null => s => s == null,
        ScimOperator.Ne when v is null => s => s != null,
        ScimOperator.Eq => s => s == v,
        ScimOperator.Ne => s => s != v,
        ScimOperator.Co => s => s != null && s.Contains(v!),
        ScimOperator.Sw => s => s != null && s.StartsWith(v!),
        ScimOperator.Ew => s => s != null && s.EndsWith(v!),
        ScimOperator.Gt => s => string.Compare(s, v) > 0,
        ScimOperator.Ge => s => string.Compare(s, v) >= 0,
        ScimOperator.Lt => s => string.Compare(s, v) < 0,
        ScimOperator.Le => s => string.Compare(s, v) <= 0,
        _ => s => s != null && s != "",
    };

    private static Expression<Func<bool, bool>> BoolTest(ScimOperator op, bool? v) => op switch
    {
        ScimOperator.Eq when v is null => b => false,
        ScimOperator.Ne when v is null => b => true,
        ScimOperator.Eq => b => b == v!.Value,
        ScimOperator.Ne => b => b != v!.Value,
        _ => b => true,
    };

    private static Expression<Func<DateTime, bool>> DateTest(ScimOperator op, DateTime? v) => op switch
    {
        ScimOperator.Eq when v is null => d => false,
        ScimOperator.Ne when v is null => d => true,
        ScimOperator.Eq => d => d == v!.Value,
        ScimOperator.Ne => d => d != v!.Value,
        ScimOperator.Gt => d => d > v!.Value,
        ScimOperator.Ge => d => d >= v!.Value,
        ScimOperator.Lt => d => d < v!.Value,
        ScimOperator.Le => d => d <= v!.Value,
        _ => d => true,
    };
}
