using Latchkey.Core.Common;

namespace Latchkey.Core.Users;

/// <summary>Giving an account an email that must be unique: the check before, and the unique index as the last word.</summary>
internal static class AccountEmail
{
    public static readonly AuthError Taken = new(AuthErrorCodes.EmailTaken, "An account with this email already exists");

    /// <summary>Saves the use case; a concurrent sign-up that took the same address first makes it <see cref="Taken"/>.</summary>
    public static async Task<Result<User>> SaveAsync(IUnitOfWork unitOfWork, User user, CancellationToken ct)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(ct);
        }
        catch (UniqueConstraintException)
        {
            return Taken;
        }
        return user;
    }
}
