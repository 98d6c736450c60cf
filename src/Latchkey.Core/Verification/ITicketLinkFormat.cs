namespace Latchkey.Core.Verification;

/// <summary>
/// Builds the link an email carries for a ticket, for a surface whose clients expect their own link form.
/// <paramref name="pageUrl"/> is where the link finally leads (the checked <c>redirectTo</c> or the server's page).
/// </summary>
public interface ITicketLinkFormat
{
    string Build(string pageUrl, IssuedTicket issued);
}
