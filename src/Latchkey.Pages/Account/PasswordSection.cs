using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/password</c>, through <see cref="PasswordChangeService"/> as <c>POST /api/user/password</c>: with the
/// current password, or without it only within step-up (else the console asks the person to confirm it is them).
/// </summary>
internal static class PasswordSection
{
    /// <summary>Maps the page; returns the form POST, which takes a guessable proof, for the host's rate limit.</summary>
    public static IEndpointConventionBuilder MapPasswordSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Password, Show);
        return app.MapPost(AccountPaths.Password, Change);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, IOptions<PasswordPolicyOptions> policy, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Password, ct);
        return visitor is null ? away! : Render(http, visitor, policy.Value, null, null, AccountNotices.For(done));
    }

    private static async Task<IResult> Change(AccountConsole console, PasswordChangeService passwords, IOptions<PasswordPolicyOptions> policy,
        HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Password, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var changed = await passwords.ChangeAsync(visitor.UserId, visitor.SessionId, AccountConsole.Text(form, "current_password"),
            AccountConsole.Text(form, "new_password"), RequestContext.From(http), ct);
        if (changed.IsSuccess) return AccountConsole.SeeOther(http, AccountPaths.Password, "password");
        if (changed.Error.Code == AuthErrorCodes.ElevationRequired) return ElevateSection.Ask(http, visitor, AccountPaths.Password);
        var status = AccountConsole.StatusFor(changed.Error);
        return changed.Error.Code is AuthErrorCodes.InvalidCurrentPassword or AuthErrorCodes.AccountLocked or AuthErrorCodes.RateLimited
            ? Render(http, visitor, policy.Value, changed.Error.Message, null, null, status)
            : Render(http, visitor, policy.Value, null, changed.Error.Message, null, status);
    }

    private static IResult Render(HttpContext http, AccountVisitor visitor, PasswordPolicyOptions policy, string? currentError, string? newError,
        string? notice, int status = StatusCodes.Status200OK) =>
        PageResults.Page<PasswordView>(http, new Dictionary<string, object?>
        {
            [nameof(PasswordView.Policy)] = policy,
            [nameof(PasswordView.HasPassword)] = visitor.User.PasswordHash is not null,
            [nameof(PasswordView.CurrentError)] = currentError,
            [nameof(PasswordView.NewError)] = newError,
            [nameof(PasswordView.Notice)] = notice,
        }, status);
}
