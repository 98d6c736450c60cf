using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>Paging bounds shared by the admin lists.</summary>
public static class PageLimits
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static AuthError? Validate(int page, int limit) =>
        page < 1 ? AuthError.Field("page", "page must be at least 1")
        : limit is < 1 or > MaxLimit ? AuthError.Field("limit", $"limit must be between 1 and {MaxLimit}")
        : null;
}
