using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Settings;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/settings</c>: the runtime settings of <c>GET /api/admin/settings</c> (settings:read), grouped, with a
/// preview of the sign-in page's branding; saving (settings:write) goes through <see cref="SettingsService"/>,
/// which validates the whole change, audits old and new values and puts it in force at once.
/// </summary>
internal static class SettingsPage
{
    public static async Task<IResult> ShowAsync(AdminConsole console, SettingsService settings, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.SettingsRead, ct);
        if (admin is null) return refused!;
        var view = settings.Get();
        return Page(http, admin, view, SettingsForm.Values(view), null, http.Request.Query["done"] == "1", StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(AdminConsole console, FlowForms forms, SettingsService settings, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.SettingsWrite, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Settings, ct);
        if (form is null) return expired!;
        var view = settings.Get();
        var current = SettingsForm.Values(view);
        var typed = SettingsForm.Values(form, current);
        var error = form["confirm"] != "yes" ? ConfirmBox.Missing : await SaveAsync(settings, current, typed, admin, http, ct);
        return error is null ? Results.Redirect($"{AdminPaths.Settings}?done=1") : Page(http, admin, view, typed, error, false, AdminErrorStatus.For(error));
    }

    private static async Task<AuthError?> SaveAsync(SettingsService settings, Dictionary<string, string> current, Dictionary<string, string> typed,
        AdminCaller admin, HttpContext http, CancellationToken ct)
    {
        var change = SettingsForm.Change(current, typed);
        if (!change.IsSuccess) return change.Error;
        var saved = await settings.UpdateAsync(change.Value, admin.Actor(http), ct);
        return saved.IsSuccess ? null : saved.Error;
    }

    private static IResult Page(HttpContext http, AdminCaller admin, SettingsView view, Dictionary<string, string> values, AuthError? error, bool done, int status) =>
        PageResults.Page<SettingsPageView>(http, new Dictionary<string, object?>
        {
            [nameof(SettingsPageView.Admin)] = admin,
            [nameof(SettingsPageView.Settings)] = view,
            [nameof(SettingsPageView.Values)] = values,
            [nameof(SettingsPageView.Error)] = error,
            [nameof(SettingsPageView.Done)] = done,
        }, status);
}
