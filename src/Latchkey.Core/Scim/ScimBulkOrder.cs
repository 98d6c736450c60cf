namespace Latchkey.Core.Scim;

/// <summary>
/// The order a bulk request runs in: the request's order, except that an operation naming a bulkId runs after the
/// POST that declares it (RFC 7644 §3.7.2 lets a group list members created further down). Operations on a
/// circular chain of references cannot be ordered; they are returned apart and answered 409 (RFC 7644 §3.7.1).
/// </summary>
public static class ScimBulkOrder
{
    public static (IReadOnlyList<ScimBulkOperation> Order, IReadOnlySet<int> Circular) Of(IReadOnlyList<ScimBulkOperation> operations)
    {
        var declaring = operations.Where(o => o.BulkId is not null).ToDictionary(o => o.BulkId!, StringComparer.Ordinal);
        var state = new Dictionary<int, bool>(); // false: being visited, true: placed
        var order = new List<ScimBulkOperation>(operations.Count);
        var circular = new HashSet<int>();
        var path = new List<ScimBulkOperation>();

        void Visit(ScimBulkOperation op)
        {
            if (state.TryGetValue(op.Index, out var placed))
            {
                // Met again while still on the path: everything on the path from it onwards is a cycle.
                if (!placed) foreach (var member in path.SkipWhile(p => p.Index != op.Index)) circular.Add(member.Index);
                return;
            }
            state[op.Index] = false;
            path.Add(op);
            foreach (var reference in op.References)
                if (declaring[reference] is var dependency && dependency.Index != op.Index) Visit(dependency);
                else circular.Add(op.Index);
            path.RemoveAt(path.Count - 1);
            state[op.Index] = true;
            order.Add(op);
        }

        foreach (var op in operations) Visit(op);
        return (order.Where(o => !circular.Contains(o.Index)).ToList(), circular);
    }
}
