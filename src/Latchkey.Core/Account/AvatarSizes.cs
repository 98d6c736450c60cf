namespace Latchkey.Core.Account;

/// <summary>The square sizes every avatar is stored in, largest first; <c>?size=</c> picks one.</summary>
public static class AvatarSizes
{
    public const int Large = 256;
    public const int Medium = 128;
    public const int Small = 64;

    public static readonly IReadOnlyList<int> All = [Large, Medium, Small];

    public const string ContentType = "image/png";
}
