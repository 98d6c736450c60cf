using Latchkey.Core.Admin;
using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Pages.Flows;

namespace Latchkey.Pages.Admin;

/// <summary>The core services a user action may call, injected together so the handlers' signatures stay short.</summary>
internal sealed record UserActionServices(
    AdminConsole Console, FlowForms Forms, IUserStore Users, AccountAdministration Accounts, SessionAdministration Sessions,
    RoleService Roles, ImpersonationService Impersonation, ImpersonationCookie ImpersonationCookie,
    EmailVerificationService Verification);
