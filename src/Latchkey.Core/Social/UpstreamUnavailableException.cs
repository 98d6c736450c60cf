namespace Latchkey.Core.Social;

/// <summary>
/// A provider could not be reached, timed out, or answered with something unusable. The services turn
/// it into an <c>upstream_error</c> result: a provider outage is the user's clear error, never a 500.
/// </summary>
public sealed class UpstreamUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
