using Latchkey.Core.Admin;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

/// <summary>
/// A page of an admin list with a total that costs at most <c>countLimit</c> index entries. The page is read first, one
/// row past its end: when the list ends on this page its total is known without counting (the common case of a
/// narrow search); otherwise the matches are counted up to the limit, and past it the total is a lower bound.
/// </summary>
internal static class BoundedPage
{
    public static async Task<Page<T>> ReadAsync<T>(IQueryable<T> matches, IQueryable<T> ordered, int page, int limit, int countLimit, CancellationToken ct)
    {
        var offset = (page - 1) * limit;
        var rows = await ordered.Skip(offset).Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        if (!more && (rows.Count > 0 || offset == 0)) return new Page<T>(rows, offset + rows.Count, page, limit);

        var counted = await matches.Take(countLimit + 1).CountAsync(ct);
        if (counted <= countLimit) return new Page<T>(rows, counted, page, limit);
        // Never less than what this page shows exists, so the next-page link stays while rows follow (a page past the
        // end shows nothing, and proves nothing beyond the limit).
        var shown = rows.Count > 0 ? offset + rows.Count + (more ? 1 : 0) : 0;
        return new Page<T>(rows, Math.Max(countLimit, shown), page, limit, TotalIsLowerBound: true);
    }
}
