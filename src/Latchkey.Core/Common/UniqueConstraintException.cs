namespace Latchkey.Core.Common;

/// <summary>
/// Raised by the unit of work when a save breaks a unique index: the race a prior existence check
/// cannot close (two sign-ups with one email at the same instant). Use cases turn it into a conflict.
/// </summary>
public sealed class UniqueConstraintException(string message, Exception inner) : Exception(message, inner);
