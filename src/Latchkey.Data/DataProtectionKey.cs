namespace Latchkey.Data;

/// <summary>One XML element of the ASP.NET Data Protection key ring, shared by every node through the database.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
