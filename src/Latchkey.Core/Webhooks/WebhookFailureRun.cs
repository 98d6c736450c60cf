namespace Latchkey.Core.Webhooks;

/// <summary>
/// What one lane's attempts, in the order they finished, do to its endpoint's run of consecutive failures: a success
/// clears the run, each failure after the last success adds one. Saved as one statement per lane, not one per attempt.
/// </summary>
internal readonly record struct WebhookFailureRun(bool ResetFirst, int Added, bool Gone)
{
    public static WebhookFailureRun From(IReadOnlyList<WebhookAttemptOutcome> outcomes, IReadOnlyList<int> finishedOrder)
    {
        bool reset = false, gone = false;
        var added = 0;
        foreach (var i in finishedOrder)
        {
            if (outcomes[i].Status == WebhookDeliveryStatuses.Delivered)
            {
                reset = true;
                added = 0;
                continue;
            }
            added++;
            gone |= outcomes[i].StatusCode == 410;
        }
        return new WebhookFailureRun(reset, added, gone);
    }

    /// <summary>Whether the stored run changes: failures add to it, a success clears it when it is not zero already.</summary>
    public bool Changes(int stored) => Added > 0 || (ResetFirst && stored > 0);

    /// <summary>
    /// Whether the run can have reached <paramref name="limit"/>, judged on the count read when the batch was claimed.
    /// Another node's failures since then can make it low; the endpoint is then disabled by the next lane that fails.
    /// </summary>
    public bool Reaches(int stored, int limit) => (ResetFirst ? 0 : stored) + Added >= limit;
}
