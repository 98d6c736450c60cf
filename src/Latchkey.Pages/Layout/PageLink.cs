namespace Latchkey.Pages.Layout;

/// <summary>A link from one hosted page to another flow; <see cref="Id"/> lets tests and scripts find it.</summary>
public sealed record PageLink(string Id, string Text, string Url);
