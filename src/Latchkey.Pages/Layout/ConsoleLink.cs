namespace Latchkey.Pages.Layout;

/// <summary>One section in a console's navigation (<see cref="ConsoleLayout"/>).</summary>
public sealed record ConsoleLink(string Href, string Text);
