using Latchkey.Core.Authentication;

namespace Latchkey.Api.Authentication;

/// <summary>Carries the authenticated <see cref="Caller"/> from the authentication handler to endpoints.</summary>
public sealed record CallerFeature(Caller Caller);
