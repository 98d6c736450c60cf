namespace Latchkey.Core.Users;

/// <summary>Bound from <c>Latchkey:Admin</c>: the administrator created on first start, if set.</summary>
public sealed class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
