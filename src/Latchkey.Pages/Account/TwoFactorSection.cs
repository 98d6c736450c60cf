using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/two-factor</c>, through the services behind <c>/api/auth/2fa/*</c>: setting a factor up needs step-up
/// (<see cref="TwoFactorSetupService"/> decides), turning one off needs the password, and recovery codes are shown once.
/// </summary>
internal static class TwoFactorSection
{
    /// <summary>Maps the section; returns the POSTs that check a guessable proof (a code, a password) for the host's rate limit.</summary>
    public static IEnumerable<IEndpointConventionBuilder> MapTwoFactorSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.TwoFactor, Show);
        app.MapPost(AccountPaths.TwoFactorSetup, Setup);
        app.MapPost(AccountPaths.RecoveryCodes, Regenerate);
        yield return app.MapPost(AccountPaths.TwoFactorConfirm, Confirm);
        yield return app.MapPost(AccountPaths.TwoFactorDisable, Disable);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, TwoFactorManagementService twoFactor, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.TwoFactor, ct);
        return visitor is null ? away! : await RenderAsync(http, visitor, twoFactor, AccountNotices.For(done), ct: ct);
    }

    private static async Task<IResult> Setup(AccountConsole console, TwoFactorSetupService setup, TwoFactorManagementService twoFactor, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.TwoFactor, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, method) = (post.Visitor!, AccountConsole.Text(post.Form!, "method"));
        var begun = await setup.BeginAsync(visitor.UserId, visitor.SessionId, method, RequestContext.From(http), ct);
        if (begun.IsSuccess) return Confirmation(http, method, begun.Value, null, null, StatusCodes.Status200OK);
        if (begun.Error.Code == AuthErrorCodes.ElevationRequired) return ElevateSection.Ask(http, visitor, AccountPaths.TwoFactor);
        return await RenderAsync(http, visitor, twoFactor, error: begun.Error.Message, status: AccountConsole.StatusFor(begun.Error), ct: ct);
    }

    private static async Task<IResult> Confirm(AccountConsole console, TwoFactorSetupService setup, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.TwoFactor, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var (method, code) = (AccountConsole.Text(form, "method"), AccountConsole.Text(form, "code"));
        var confirmed = await setup.ConfirmAsync(visitor.UserId, visitor.SessionId, method, code, form["sign_out_others"] == "yes", RequestContext.From(http), ct);
        if (!confirmed.IsSuccess)
            return Confirmation(http, TwoFactorMethods.Enableable.Contains(method) ? method : TwoFactorMethods.Totp, null, code,
                confirmed.Error.Message, AccountConsole.StatusFor(confirmed.Error));
        return confirmed.Value.RecoveryCodes is { } codes
            ? Codes(http, codes, "Two-factor authentication is on.")
            : AccountConsole.SeeOther(http, AccountPaths.TwoFactor);
    }

    private static async Task<IResult> Disable(AccountConsole console, TwoFactorManagementService twoFactor, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.TwoFactor, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var method = AccountConsole.Text(form, "method");
        var disabled = await twoFactor.DisableAsync(visitor.UserId, visitor.SessionId, method, AccountConsole.Text(form, "password"), false, RequestContext.From(http), ct);
        return disabled.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.TwoFactor, "two-factor-off")
            : await RenderAsync(http, visitor, twoFactor, disableMethod: method, disableError: disabled.Error.Message,
                status: AccountConsole.StatusFor(disabled.Error), ct: ct);
    }

    private static async Task<IResult> Regenerate(AccountConsole console, RecoveryCodeService recovery, TwoFactorManagementService twoFactor, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.TwoFactor, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var codes = await recovery.RegenerateAsync(visitor.UserId, visitor.SessionId, RequestContext.From(http), ct);
        if (codes.IsSuccess) return Codes(http, codes.Value, "New recovery codes were made; the previous ones no longer work.");
        if (codes.Error.Code == AuthErrorCodes.ElevationRequired) return ElevateSection.Ask(http, visitor, AccountPaths.TwoFactor);
        return await RenderAsync(http, visitor, twoFactor, error: codes.Error.Message, status: AccountConsole.StatusFor(codes.Error), ct: ct);
    }

    private static IResult Confirmation(HttpContext http, string method, TotpEnrollment? enrollment, string? code, string? error, int status) =>
        PageResults.Page<TwoFactorConfirmView>(http, new Dictionary<string, object?>
        {
            [nameof(TwoFactorConfirmView.Method)] = method,
            [nameof(TwoFactorConfirmView.Enrollment)] = enrollment,
            [nameof(TwoFactorConfirmView.Code)] = code,
            [nameof(TwoFactorConfirmView.Error)] = error,
        }, status);

    private static IResult Codes(HttpContext http, IReadOnlyList<string> codes, string notice) =>
        PageResults.Page<RecoveryCodesView>(http, new Dictionary<string, object?>
        {
            [nameof(RecoveryCodesView.Codes)] = codes,
            [nameof(RecoveryCodesView.Notice)] = notice,
        });

    private static async Task<IResult> RenderAsync(HttpContext http, AccountVisitor visitor, TwoFactorManagementService twoFactor, string? notice = null,
        string? error = null, string? disableMethod = null, string? disableError = null, int status = StatusCodes.Status200OK, CancellationToken ct = default) =>
        PageResults.Page<TwoFactorView>(http, new Dictionary<string, object?>
        {
            [nameof(TwoFactorView.Status)] = await twoFactor.StatusAsync(visitor.User, ct),
            [nameof(TwoFactorView.Notice)] = notice,
            [nameof(TwoFactorView.Error)] = error,
            [nameof(TwoFactorView.DisableMethod)] = disableMethod,
            [nameof(TwoFactorView.DisableError)] = disableError,
        }, status);
}
