using Latchkey.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// The smallest <see cref="UserManager{TUser}"/> that <see cref="PasskeyHandler{TUser}"/> needs: it
/// only reads users and passkeys through <see cref="IdentityUserAdapter"/>. Passwords, lockout and
/// tokens stay with Latchkey's own services (docs/decisions.md #1), so no hasher, validators or token
/// providers are wired and none of those members is ever called.
/// </summary>
public sealed class PasskeyUserManager(IdentityUserAdapter store, ILogger<UserManager<User>> logger)
    : UserManager<User>(store, Microsoft.Extensions.Options.Options.Create(new IdentityOptions()), null!, [], [], new UpperInvariantLookupNormalizer(),
        new IdentityErrorDescriber(), null!, logger);
