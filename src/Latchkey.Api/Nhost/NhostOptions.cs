namespace Latchkey.Api.Nhost;

/// <summary>Bound from <c>Latchkey:Nhost</c> (the token settings are <c>Latchkey:Nhost:Jwt</c>, read by the core).</summary>
public sealed class NhostOptions
{
    /// <summary>Answer <c>400 invalid-request</c> wherever the spec's specific error would reveal an account.</summary>
    public bool ConcealErrors { get; set; }
}
