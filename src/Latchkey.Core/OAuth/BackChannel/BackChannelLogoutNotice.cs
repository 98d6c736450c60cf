namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>
/// One OpenID Back-Channel Logout still owed to one client for one ended browser session: a row of the durable
/// queue, written in the transaction that ends the session and deleted once the client acknowledged the logout
/// token. Only ids are stored; the token is signed at send time, so it carries a fresh <c>iat</c>/<c>exp</c> and the
/// signing key in force then.
/// </summary>
public sealed class BackChannelLogoutNotice
{
    public Guid Id { get; set; }
    /// <summary>The client's row id (not its public client_id), looked up again at send time.</summary>
    public Guid ClientRowId { get; set; }
    /// <summary>The logout token's <c>sub</c>.</summary>
    public Guid UserId { get; set; }
    /// <summary>The logout token's <c>sid</c>: the browser session that ended (or the grant itself when it had none).</summary>
    public Guid SessionId { get; set; }
    public string Status { get; set; } = BackChannelLogoutStatuses.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class BackChannelLogoutStatuses
{
    public const string Pending = "pending";
    /// <summary>Every attempt failed; kept for <see cref="BackChannelLogoutOptions.RetainFailed"/> so an operator can see why.</summary>
    public const string Failed = "failed";
}
