using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Webhooks;

/// <summary>Bound from <c>Latchkey:Webhooks</c> (docs/webhooks.md, docs/configuration.md).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Deliver to private, loopback, link-local and other non-public addresses. Off by default (SSRF); the check
    /// runs on the address each connection really goes to, so a name that later resolves inward is refused too.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Hosts a webhook URL may name with plain <c>http</c>; every other URL must be https.</summary>
    public string[] AllowedHttpHosts { get; set; } = [];

    /// <summary>Attempts before a delivery is marked failed (with the default back-off, about a day).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait before the first retry; it doubles each time up to <see cref="MaxRetryDelay"/>, with up to 20% random jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Time allowed for one attempt (connect, send, response headers).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due rows (new rows on this node wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries claimed at once by one node.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Requests in flight to one endpoint at once, so one slow receiver holds few of a batch's slots.</summary>
    [Range(1, 100)]
    public int MaxConcurrencyPerEndpoint { get; set; } = 8;

    /// <summary>Failed attempts in a row after which the endpoint is disabled (and a webhook.disabled activity recorded).</summary>
    [Range(1, 100000)]
    public int DisableAfterFailures { get; set; } = 100;

    /// <summary>How long the previous secret still signs after a rotation (both signatures are sent).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Delivered rows older than this are pruned; failed ones stay until an administrator deletes the webhook.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The history kept per endpoint: finished rows (delivered or failed) beyond the newest this many are pruned with
    /// the retention, so a busy endpoint's history stays bounded. Pending rows are never pruned.
    /// </summary>
    [Range(10, 1_000_000)]
    public int HistoryPerEndpoint { get; set; } = 1000;

    /// <summary>
    /// How long a claimed row is held before any dispatcher may claim it again. Unset (the default): the longest a batch
    /// can keep a row in flight plus a minute, so only a crash lets a lease lapse. Setting it is for tests and
    /// operators who want a crashed node's rows back sooner; it may not be shorter than <see cref="BatchWorstCase"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan? ClaimLease { get; set; }

    /// <summary>
    /// The longest a claimed row can wait for its outcome to be written: its endpoint's lane sends the batch's rows
    /// <see cref="MaxConcurrencyPerEndpoint"/> at a time, each taking at most <see cref="Timeout"/>, and the lane's
    /// outcomes are saved together when its last attempt ends.
    /// </summary>
    public TimeSpan BatchWorstCase => Timeout * Math.Ceiling(BatchSize / (double)MaxConcurrencyPerEndpoint);

    /// <summary>The lease a claim sets: <see cref="ClaimLease"/>, or <see cref="BatchWorstCase"/> plus a minute.</summary>
    public TimeSpan Lease => ClaimLease ?? BatchWorstCase + TimeSpan.FromMinutes(1);
}
