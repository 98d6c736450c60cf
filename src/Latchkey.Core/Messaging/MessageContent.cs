using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Latchkey.Core.Messaging;

/// <summary>What a queued message says. It holds a live link or code, so it is kept encrypted at rest.</summary>
public sealed record MessageContent(string? Subject, string Text, string? Html, string? Link);

/// <summary>Encrypts message content with Data Protection (its key ring lives in the database, so every node can read it).</summary>
public sealed class MessageContentProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Latchkey.Messaging.Content.v1");

    public string Protect(MessageContent content) => _protector.Protect(JsonSerializer.Serialize(content));

    public MessageContent Unprotect(string protectedContent) =>
        JsonSerializer.Deserialize<MessageContent>(_protector.Unprotect(protectedContent))!;
}
