using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Layout;

/// <summary>A page that only says something (done, expired, not signed in) and offers the ways forward.</summary>
public static class MessagePage
{
    public static IResult Render(HttpContext http, string title, string heading, string? message, IReadOnlyList<PageLink> links,
        int status = StatusCodes.Status200OK, bool isError = false) =>
        PageResults.Page<MessageView>(http, new Dictionary<string, object?>
        {
            [nameof(MessageView.Title)] = title,
            [nameof(MessageView.Heading)] = heading,
            [nameof(MessageView.Message)] = message,
            [nameof(MessageView.IsError)] = isError,
            [nameof(MessageView.Links)] = links,
        }, status);
}
