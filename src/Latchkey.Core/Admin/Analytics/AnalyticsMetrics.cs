namespace Latchkey.Core.Admin.Analytics;

/// <summary>The metric names of the rollup rows, and the activity types they are counted from.</summary>
public static class AnalyticsMetrics
{
    public const string Registrations = "registrations";
    public const string Failures = "failures";
    public const string ActiveUsers = "active_users";
    public const string Users = "users";
    public const string TwoFactorUsers = "two_factor_users";
    /// <summary>Prefix of the per-method sign-in counts: <c>sign_ins:password</c>, <c>sign_ins:passkey</c>...</summary>
    public const string SignInPrefix = "sign_ins:";
    /// <summary>Sign-ins whose activity row names no method.</summary>
    public const string UnknownMethod = "unknown";
    public const int MaxMethodLength = 32;

    /// <summary>The only activity rows analytics reads; the (type, created_at) index serves each.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
        [Audit.ActivityTypes.UserRegistered, Audit.ActivityTypes.LoginSucceeded, Audit.ActivityTypes.LoginFailed];
}

/// <summary>One stored rollup figure: a metric's value in one hour or day bucket.</summary>
public sealed record RollupValue(DateTime BucketStart, string Metric, int Value);

/// <summary>Where each rollup granularity has been completed up to (exclusive); null when never run.</summary>
public sealed record RollupMarks(DateTime? Hours, DateTime? Days);
