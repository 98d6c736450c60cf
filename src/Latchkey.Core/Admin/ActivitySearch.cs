using Latchkey.Core.Audit;
using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>The system-wide activity log, newest first, with the administrator's filters.</summary>
public sealed class ActivitySearch(IAdminStore admin)
{
    public const int MaxTypeLength = 64;
    public const int MaxIpLength = 64;

    public async Task<Result<Page<ActivityEntry>>> SearchAsync(ActivityQuery query, CancellationToken ct)
    {
        if (PageLimits.Validate(query.Page, query.Limit) is { } invalid) return invalid;
        if (query.Type is { Length: > MaxTypeLength }) return AuthError.Field("type", $"type must be at most {MaxTypeLength} characters");
        if (query.IpAddress is { Length: > MaxIpLength }) return AuthError.Field("ip", $"ip must be at most {MaxIpLength} characters");
        if (query.From > query.To) return AuthError.Field("from", "from must not be after to");
        return await admin.SearchActivityAsync(query, ct);
    }
}
