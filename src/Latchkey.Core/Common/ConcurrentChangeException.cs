namespace Latchkey.Core.Common;

/// <summary>
/// Raised by the unit of work when a save updates or deletes a row another request changed or deleted since it was
/// read (two set-ups of one second factor at the same instant). Like <see cref="UniqueConstraintException"/>, a
/// use case may turn it into its own answer; one that does not is answered 409 by the error middleware, since a
/// lost race is the client's to retry, not a server fault.
/// </summary>
public sealed class ConcurrentChangeException(string message, Exception inner) : Exception(message, inner);
