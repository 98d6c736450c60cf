using Latchkey.Core.Common;

namespace Latchkey.Core.Webhooks;

/// <summary>Wakes the dispatcher when a commit adds deliveries, so events leave at once; the poll is for retries and other nodes' rows.</summary>
public sealed class WebhookDispatchSignal : WakeSignal;
