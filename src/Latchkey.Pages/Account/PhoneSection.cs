using Latchkey.Core.Common;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/phone</c>, through <see cref="PhoneVerificationService"/> as <c>/api/user/phone/send-code</c> and
/// <c>/api/user/phone/verify</c>: the new number gets an SMS code, and the number changes only when that code is
/// typed back. The number travels in the code form as typed; the core checks the code against it.
/// </summary>
internal static class PhoneSection
{
    /// <summary>Maps the section; returns the two POSTs (an SMS sent, a code checked) for the host's rate limits.</summary>
    public static (IEndpointConventionBuilder SendCode, IEndpointConventionBuilder Verify) MapPhoneSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Phone, Show);
        return (app.MapPost(AccountPaths.PhoneSendCode, SendCode), app.MapPost(AccountPaths.PhoneVerify, Verify));
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Phone, ct);
        return visitor is null ? away! : Render(http, visitor, new() { Notice = AccountNotices.For(done) });
    }

    private static async Task<IResult> SendCode(AccountConsole console, PhoneVerificationService phones, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Phone, ct);
        if (post.Refused is not null) return post.Refused;
        var number = AccountConsole.Text(post.Form!, "phone_number");
        var sent = await phones.SendCodeAsync(post.Visitor!.UserId, number, RequestContext.From(http), ct);
        return sent.IsSuccess
            ? Render(http, post.Visitor, new() { CodeSentTo = PhoneNumbers.Normalize(number) })
            : Render(http, post.Visitor, new()
            {
                NewNumber = number, NewNumberError = AccountConsole.FieldError(sent.Error, "phoneNumber") ?? sent.Error.Message,
                Status = AccountConsole.StatusFor(sent.Error),
            });
    }

    private static async Task<IResult> Verify(AccountConsole console, PhoneVerificationService phones, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Phone, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var number = AccountConsole.Text(form, "phone_number");
        var verified = await phones.VerifyAsync(visitor.UserId, number, AccountConsole.Text(form, "code"), RequestContext.From(http), ct);
        if (verified.IsSuccess) return AccountConsole.SeeOther(http, AccountPaths.Phone, "phone");
        var error = verified.Error;
        var status = AccountConsole.StatusFor(error);
        // A wrong or spent code is asked for again; a number that is not valid or belongs to someone else goes back to the first step.
        return PhoneNumbers.Normalize(number) is { } sentTo && error.Code is not AuthErrorCodes.PhoneTaken
            ? Render(http, visitor, new() { CodeSentTo = sentTo, CodeError = error.Message, Status = status })
            : Render(http, visitor, new() { NewNumber = number, NewNumberError = AccountConsole.FieldError(error, "phoneNumber") ?? error.Message, Status = status });
    }

    private sealed record PhoneState
    {
        public string? NewNumber { get; init; }
        public string? NewNumberError { get; init; }
        public string? CodeSentTo { get; init; }
        public string? CodeError { get; init; }
        public string? Notice { get; init; }
        public int Status { get; init; } = StatusCodes.Status200OK;
    }

    private static IResult Render(HttpContext http, AccountVisitor visitor, PhoneState state) =>
        PageResults.Page<PhoneView>(http, new Dictionary<string, object?>
        {
            [nameof(PhoneView.Phone)] = visitor.User.PhoneNumber,
            [nameof(PhoneView.Verified)] = visitor.User.PhoneNumberVerified,
            [nameof(PhoneView.NewNumber)] = state.NewNumber,
            [nameof(PhoneView.NewNumberError)] = state.NewNumberError,
            [nameof(PhoneView.CodeSentTo)] = state.CodeSentTo,
            [nameof(PhoneView.CodeError)] = state.CodeError,
            [nameof(PhoneView.Notice)] = state.Notice,
        }, state.Status);
}
