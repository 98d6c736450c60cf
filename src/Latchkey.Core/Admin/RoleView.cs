namespace Latchkey.Core.Admin;

/// <summary>A role as administrators see it, built-in or custom, with how many accounts hold it.</summary>
public sealed record RoleView(string Name, string? Description, IReadOnlyList<string> Permissions, bool BuiltIn, int UserCount);
