using Latchkey.Core.Scim;

namespace Latchkey.Api.Platform.Contracts;

public sealed record ScimTokenRequest(string? Name);

public sealed record ScimTokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt)
{
    public static ScimTokenView From(ScimToken token) => new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.LastUsedAt);
}

public sealed record ScimTokensResponse(bool Success, IReadOnlyList<ScimTokenView> Tokens);

public sealed record ScimTokenCreatedResponse(bool Success, ScimTokenView Token, string SecretToken, string Message);
