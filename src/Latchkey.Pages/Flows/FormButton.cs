namespace Latchkey.Pages.Flows;

/// <summary>A submit button of a flow form; its <see cref="Value"/> is posted as <c>action</c>.</summary>
public sealed record FormButton(string Id, string Value, string Text);
