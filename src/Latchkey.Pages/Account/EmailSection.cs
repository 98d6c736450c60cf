using Latchkey.Core.Common;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/email</c>, through <see cref="EmailChangeService"/> as <c>POST /api/user/email/request-change</c>: the
/// password proves it is the person, and the link mailed to the new address lands on the hosted
/// <c>/verify-email-change</c> page, which makes the change.
/// </summary>
internal static class EmailSection
{
    /// <summary>Maps the section; returns the form POST (a guessable password, and a mail) for the host's rate limit.</summary>
    public static IEndpointConventionBuilder MapEmailSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Email, Show);
        return app.MapPost(AccountPaths.Email, Request);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Email, ct);
        return visitor is null ? away! : Render(http, visitor, new() { Notice = AccountNotices.For(done) });
    }

    private static async Task<IResult> Request(AccountConsole console, EmailChangeService change, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Email, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var newEmail = AccountConsole.Text(form, "new_email");
        var requested = await change.RequestAsync(visitor.UserId, newEmail, AccountConsole.Text(form, "password"), null, RequestContext.From(http), ct);
        if (requested.IsSuccess) return AccountConsole.SeeOther(http, AccountPaths.Email, "email");
        var error = requested.Error;
        var state = new EmailState { NewEmail = newEmail, Status = AccountConsole.StatusFor(error) };
        state = error.Code switch
        {
            AuthErrorCodes.EmailTaken => state with { NewEmailError = error.Message },
            AuthErrorCodes.InvalidCurrentPassword => state with { PasswordError = error.Message },
            _ when AccountConsole.FieldError(error, "newEmail") is { } bad => state with { NewEmailError = bad },
            _ when AccountConsole.FieldError(error, "password") is { } bad => state with { PasswordError = bad },
            _ => state with { Error = error.Message },
        };
        return Render(http, visitor, state);
    }

    private sealed record EmailState
    {
        public string? NewEmail { get; init; }
        public string? NewEmailError { get; init; }
        public string? PasswordError { get; init; }
        public string? Error { get; init; }
        public string? Notice { get; init; }
        public int Status { get; init; } = StatusCodes.Status200OK;
    }

    private static IResult Render(HttpContext http, AccountVisitor visitor, EmailState state) =>
        PageResults.Page<EmailView>(http, new Dictionary<string, object?>
        {
            [nameof(EmailView.Email)] = visitor.User.Email,
            [nameof(EmailView.Verified)] = visitor.User.EmailVerified,
            [nameof(EmailView.NewEmail)] = state.NewEmail,
            [nameof(EmailView.NewEmailError)] = state.NewEmailError,
            [nameof(EmailView.PasswordError)] = state.PasswordError,
            [nameof(EmailView.Error)] = state.Error,
            [nameof(EmailView.Notice)] = state.Notice,
        }, state.Status);
}
