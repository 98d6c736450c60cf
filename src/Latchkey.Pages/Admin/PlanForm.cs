using System.Globalization;
using Latchkey.Core.Common;
using Latchkey.Core.Licensing;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// A plan as its console form holds it, every field as typed. Entitlements are one per line: a feature code alone
/// (a switch), or the code, a limit and a period (<c>api_calls 100000 month</c>).
/// </summary>
public sealed record PlanForm(string? Code, string? Name, string Entitlements, string? Seats, string? DurationDays, string? TrialDays)
{
    public static readonly PlanForm Empty = new(null, null, "", "1", null, "0");

    public static PlanForm Of(LicensePlan p) => new(p.Code, p.Name,
        string.Join("\n", EntitlementJson.Read(p.Entitlements).Select(Line)), Number(p.Seats), p.DurationDays is { } d ? Number(d) : null, Number(p.TrialDays));

    public static PlanForm From(IFormCollection form) => new(AdminQuery.Value(form["code"]), AdminQuery.Value(form["name"]),
        form["entitlements"].ToString(), AdminQuery.Value(form["seats"]), AdminQuery.Value(form["durationDays"]), AdminQuery.Value(form["trialDays"]));

    /// <summary>The draft the licensing core validates, or the error of a field that is not even a number or an entitlement line.</summary>
    public Result<PlanDraft> Draft()
    {
        if (!FormNumbers.TryRead(Seats, "seats", "Seats", out var seats, out var error)
            || !FormNumbers.TryRead(DurationDays, "durationDays", "Days a license runs", out var duration, out error)
            || !FormNumbers.TryRead(TrialDays, "trialDays", "Trial days", out var trial, out error)) return error!;
        var entitlements = new List<Entitlement>();
        foreach (var line in Entitlements.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 1) { entitlements.Add(new Entitlement(parts[0])); continue; }
            if (parts.Length is 2 or 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                entitlements.Add(new Entitlement(parts[0], limit, parts.Length == 3 ? parts[2] : EntitlementPeriods.Total));
                continue;
            }
            return AuthError.Field("entitlements", $"'{line}' is not a feature, or a feature, a limit and a period");
        }
        return new PlanDraft(Code, Name, entitlements, seats, duration, trial);
    }

    private static string Line(Entitlement e) => e.Limit is { } limit ? $"{e.Feature} {Number(limit)} {e.Period ?? EntitlementPeriods.Total}" : e.Feature;

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
