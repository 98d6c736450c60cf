using Latchkey.Core.Common;

namespace Latchkey.Core.Messaging;

/// <summary>Wakes the dispatcher when a unit of work commits new messages, so mail goes out at once instead of at the next poll.</summary>
public sealed class MessageDispatchSignal : WakeSignal;
